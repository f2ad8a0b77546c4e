/** Text for HTML the CMS writes itself (its error, cancel and report pages, e-mails): `& < > " '` escaped; nothing becomes ''. */
export const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)
