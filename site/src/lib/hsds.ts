import { v5 as uuidv5 } from 'uuid'

import type { Activity, ActivityType, Department } from '../../../cms/src/payload-types'
import { spokenLanguages } from '../../../core/languages'
import { expandRule, type SchedulePeriod } from '../../../core/schedule'
import { timeZone, utcOffsetHours } from '../../../core/time'
import { parseRule } from './calendar'
import { localeUrl, routes } from './paths'
import { listingPlace } from '../../../core/venue'

/**
 * The open-data export in Open Referral HSDS 3.0 (https://docs.openreferral.org/en/latest/):
 * departments are organizations (under the national body), activities are services, their
 * places are locations (joined by service_at_location), their weekly times are schedules (from
 * the activity's RFC 5545 rule). Files follow the HSDS API's paged responses, so a client of
 * an HSDS API can read them; schemas in ./hsds/schema (validated in e2e/tests/open-data.spec.ts).
 *
 * HSDS has no translations: texts are Danish, the original language; every page also exists
 * in the other site languages under the same path with another prefix (/en/, /ar/ …).
 */

/**
 * Fixed namespace for the export's UUIDs (v5), made from the kind of object and the CMS
 * document's ID (never its slug or title): the same listing gets the same id in every build, and
 * a rename changes none of them.
 */
const namespace = 'a3f4b8d2-6c1e-5f7a-9b3d-2e8c4f6a1b7d'
const id = (...parts: (string | number)[]) => uuidv5(parts.join(':'), namespace)
/** `department` keeps a department's ID apart from the national body's `national`. */
const departmentOrganizationId = (department: Department) => id('organization', 'department', department.id)

type HSDS = Record<string, unknown>

export interface HsdsInput {
  site: URL
  departments: Department[]
  activities: Activity[]
  activityTypes: ActivityType[]
  /** The periods (with rules) of an activity that meets at fixed times: the current one and one planned to take over (see core/schedule.ts). */
  periodsOf: (activity: Activity) => SchedulePeriod[]
  /** Plain text of a rich-text field. */
  plainText: (value: unknown) => string
  regionName: (region: Department['region']) => string
  now: Date
}

const nationalBody = (site: URL) => ({
  id: id('organization', 'national'),
  name: 'Dansk Røde Kors',
  alternate_name: 'Danish Red Cross',
  description:
    'Dansk Røde Kors’ integrationsarbejde: lokale afdelinger i hele Danmark driver lektiecaféer, sprogtræning, kvindegrupper, cykelkurser, ture og netværk for nye medborgere.',
  website: 'https://www.rodekors.dk/',
  uri: new URL('/', site).href,
})

const howToJoin: Record<NonNullable<Activity['howToJoin']>, string> = {
  'just-come': 'Mød bare op.',
  'sign-up': 'Tilmelding på siden eller hos afdelingen.',
  contact: 'Kontakt afdelingen først.',
}

const without = (thing: HSDS): HSDS =>
  Object.fromEntries(Object.entries(thing).filter(([, value]) => value !== undefined && value !== null && value !== ''))

/** HSDS wants YYYY-MM-DD; Payload stores a day as an instant around noon in Copenhagen. */
const day = (value: string | null | undefined) =>
  value ? new Date(value).toLocaleDateString('sv-SE', { timeZone }) : undefined

export function buildHsds(input: HsdsInput) {
  const { site, departments, activities, activityTypes, periodsOf, plainText, regionName, now } = input
  const danishUrl = (path: string) => new URL(localeUrl('da', path), site).href
  const national = nationalBody(site)
  const departmentById = new Map(departments.map((department) => [department.id, department]))
  const typeById = new Map(activityTypes.map((type) => [type.id, type]))

  const location = (key: string, organizationId: string, department: Department, listing: Parameters<typeof listingPlace>[0]): HSDS => {
    const place = listingPlace(listing, department)
    const locationId = id('location', key)
    const complete = place.street && place.city && place.postalCode
    return without({
      id: locationId,
      location_type: 'physical',
      organization_id: organizationId,
      name: place.name ?? department.name,
      latitude: place.latitude,
      longitude: place.longitude,
      addresses: complete
        ? [
            {
              id: id('address', key),
              location_id: locationId,
              address_1: place.street,
              city: place.city,
              state_province: regionName(department.region),
              postal_code: place.postalCode,
              country: 'DK',
              address_type: 'physical',
            },
          ]
        : [],
    })
  }

  const organizations = [
    { ...national, locations: [] },
    ...departments.map((department) => {
      const organizationId = departmentOrganizationId(department)
      return without({
        id: organizationId,
        name: department.name,
        description: plainText(department.description) || `${department.name}, ${department.town}`,
        email: department.email,
        website: danishUrl(routes.department(department.slug)),
        parent_organization_id: national.id,
        phones: department.phone ? [{ id: id('phone', department.id), organization_id: organizationId, number: department.phone }] : [],
        locations: [location(`department:${department.id}`, organizationId, department, {})],
      })
    }),
  ]
  const organizationById = new Map(organizations.map((organization) => [organization.id, organization]))

  const services = activities.flatMap((activity) => {
    const department = departmentById.get(activity.department as number)
    if (!department) return []
    const serviceId = id('service', activity.id)
    const organizationId = departmentOrganizationId(department)
    const ownPlace = Boolean(activity.address?.street || activity.address?.city || activity.location || activity.venue)
    const serviceLocation = ownPlace
      ? location(`activity:${activity.id}`, organizationId, department, activity)
      : location(`department:${department.id}`, organizationId, department, {})
    const serviceAtLocationId = id('service_at_location', activity.id)
    const type = typeById.get(activity.activityType as number)
    return [
      without({
        id: serviceId,
        organization_id: organizationId,
        name: activity.title,
        description: [activity.summary, plainText(activity.description)].filter(Boolean).join('\n\n') || activity.title,
        url: danishUrl(routes.activity(department.slug, activity.slug)),
        email: activity.contact?.email ?? department.email,
        status: 'active',
        application_process: activity.howToJoin ? howToJoin[activity.howToJoin] : undefined,
        fees_description: activity.free === false ? (activity.priceNote ?? 'Betaling') : 'Gratis',
        minimum_age: activity.audience?.ageMin ?? undefined,
        maximum_age: activity.audience?.ageMax ?? undefined,
        assured_date: day(activity.lastConfirmedAt),
        last_modified: activity.updatedAt,
        // HSDS allows several schedules, each valid from/to: one per period.
        schedules: periodsOf(activity).map((period) =>
          schedule(period, activity, { serviceId, serviceAtLocationId, link: danishUrl(routes.calendarActivity(activity.slug)) }, now),
        ),
        service_at_locations: [
          {
            id: serviceAtLocationId,
            service_id: serviceId,
            location_id: serviceLocation.id,
            location: serviceLocation,
          },
        ],
        languages: (activity.languages ?? []).map((code) => ({
          id: id('language', activity.id, code),
          service_id: serviceId,
          name: spokenLanguages.find((language) => language.code === code)?.da ?? code,
          code,
        })),
        attributes: type
          ? [
              {
                id: id('attribute', activity.id, 'activity-type'),
                link_id: serviceId,
                link_type: 'service_type',
                link_entity: 'service',
                taxonomy_term_id: id('taxonomy_term', type.id),
                value: type.slug,
                taxonomy_term: without({
                  id: id('taxonomy_term', type.id),
                  code: type.slug,
                  name: type.title,
                  description: type.summary || type.title,
                  taxonomy: 'Dansk Røde Kors: integrationsaktiviteter',
                  language: 'da',
                  term_uri: danishUrl(routes.activityType(type.slug)),
                }),
              },
            ]
          : [],
        organization: organizationById.get(organizationId),
      }),
    ]
  })

  const serviceAtLocations = services.flatMap((service) => service.service_at_locations as HSDS[])
  return { organizations, services, serviceAtLocations }
}

/** One period of an activity's schedule as an HSDS schedule (RRULE parts as HSDS fields). */
function schedule(
  { rule, form, key, from }: SchedulePeriod,
  activity: Activity,
  { serviceId, serviceAtLocationId, link }: { serviceId: string; serviceAtLocationId: string; link: string },
  now: Date,
): HSDS {
  const parsed = parseRule(rule)
  const ruleLine = parsed?.lines.find((line) => line.startsWith('RRULE:')) ?? ''
  const part = (name: string) => new RegExp(`[:;]${name}=([^;]+)`).exec(ruleLine)?.[1]
  const until = part('UNTIL')
  const start = parsed?.start
  const pad = (value: number) => String(value).padStart(2, '0')
  const [next] = expandRule(rule, { after: now, count: 1, endTime: form.endTime })
  const time = (value: string | null | undefined) => (value ? value.replace('.', ':') : undefined)
  return without({
    // The current period keeps the id it always had; a following one gets its own.
    id: from ? id('schedule', activity.id, key) : id('schedule', activity.id),
    service_id: serviceId,
    service_at_location_id: serviceAtLocationId,
    valid_from: day(form.validFrom) ?? (start ? `${start.year}-${pad(start.month)}-${pad(start.day)}` : undefined),
    valid_to: day(form.validUntil),
    dtstart: start ? `${start.year}-${pad(start.month)}-${pad(start.day)}` : undefined,
    timezone: utcOffsetHours(next?.start ?? now),
    until: until ? `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` : undefined,
    freq: part('FREQ'),
    interval: Number(part('INTERVAL') ?? 1),
    wkst: part('WKST'),
    byday: part('BYDAY'),
    opens_at: time(form.startTime),
    closes_at: time(form.endTime),
    description: activity.scheduleText ?? undefined,
    // The iCalendar feed holds the whole rule, cancelled dates (EXDATE) included.
    schedule_link: link,
    attending_type: 'Fremmøde',
    notes: 'Tiderne er dansk lokaltid (Europe/Copenhagen); timezone er UTC-forskydningen ved næste møde. Aflyste dage står i kalenderen (schedule_link).',
  })
}

/** The HSDS API's paged response, here always one page with everything. */
export function page(contents: HSDS[]): HSDS {
  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  }
}
