/**
 * The "save on my phone" button of activity and event pages (components/SaveButton.astro). Saving
 * also reads the saved list's page once, so the service worker keeps it for offline use; a saved
 * item is brought up to date whenever its page is read again in its language (a changed time
 * after a publish). A listing is saved once: its page in any language shows it saved.
 */
import { readSaved, writeSaved, type SavedItem } from './saved-store'

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-save]')) {
  const item = JSON.parse(button.dataset.save!) as SavedItem
  const labels = { save: button.textContent ?? '', saved: button.dataset.labelSaved ?? '', refused: button.dataset.labelRefused ?? '' }
  const status = button.parentElement?.querySelector<HTMLElement>('[data-save-status]')
  // "Opens without internet" only where a service worker can keep the pages.
  if (!('serviceWorker' in navigator)) button.parentElement?.querySelector<HTMLElement>('[data-save-hint]')?.remove()
  const show = () => {
    const saved = readSaved().some((other) => other.key === item.key)
    button.textContent = saved ? labels.saved : labels.save
    button.dataset.saved = String(saved)
  }
  // Saved in this language: brought up to date (a time changed since); saved in another, left as it is.
  const stored = readSaved()
  const at = stored.findIndex((other) => other.key === item.key && other.lang === item.lang)
  if (at >= 0) {
    stored[at] = { ...item, savedAt: stored[at]!.savedAt }
    writeSaved(stored)
  }
  show()
  button.addEventListener('click', () => {
    const items = readSaved()
    const index = items.findIndex((other) => other.key === item.key)
    if (index >= 0) items.splice(index, 1)
    else {
      items.unshift({ ...item, savedAt: Date.now() })
      fetch(button.dataset.list!, { headers: { Accept: 'text/html' } }).catch(() => {})
    }
    const kept = writeSaved(items)
    show()
    if (status) status.textContent = kept ? '' : labels.refused
  })
  addEventListener('storage', show)
}
