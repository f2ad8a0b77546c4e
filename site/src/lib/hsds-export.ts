import { useTranslations } from '../i18n'
import { richTextToHTML } from './cms/richtext'
import { activities, activityTypes, buildTime, departments } from './data'
import { buildHsds, page } from './hsds'
import { activityPeriods } from './schedule'

/** The HSDS export from the published content, in Danish (HSDS has no translations). */
export async function hsdsExport(site: URL) {
  const t = useTranslations('da')
  return buildHsds({
    site,
    departments: await departments('da'),
    activities: await activities('da'),
    activityTypes: await activityTypes('da'),
    periodsOf: (activity) => activityPeriods(activity, buildTime),
    plainText: (value) =>
      richTextToHTML(value)
        .replace(/<\/(p|h\d|li)>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/\n{2,}/g, '\n')
        .trim(),
    regionName: (region) => t(`region.${region}`),
    now: buildTime,
  })
}

export const jsonResponse = (body: unknown) =>
  new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } })

export { page }
