import { defineCollection } from 'astro:content'
import { z } from 'astro/zod'

import type {
  Activity,
  ActivityType,
  Department,
  Event,
  Navigation,
  Page,
  SiteSetting,
  TargetGroup,
} from '../../cms/src/payload-types'
import { collectionLoader, globalLoader } from './lib/cms/loader'
import type { Localized } from './lib/cms/localized'

// Payload validated these documents already; the types come from its generated payload-types.ts.
const payloadDocument = <T>() => z.custom<Localized<T>>((value) => typeof value === 'object' && value !== null)

export const collections = {
  activityTypes: defineCollection({ loader: collectionLoader('activity-types'), schema: payloadDocument<ActivityType>() }),
  targetGroups: defineCollection({ loader: collectionLoader('target-groups'), schema: payloadDocument<TargetGroup>() }),
  departments: defineCollection({ loader: collectionLoader('departments'), schema: payloadDocument<Department>() }),
  activities: defineCollection({ loader: collectionLoader('activities'), schema: payloadDocument<Activity>() }),
  events: defineCollection({ loader: collectionLoader('events'), schema: payloadDocument<Event>() }),
  pages: defineCollection({ loader: collectionLoader('pages'), schema: payloadDocument<Page>() }),
  siteSettings: defineCollection({ loader: globalLoader('site-settings'), schema: payloadDocument<SiteSetting>() }),
  navigation: defineCollection({ loader: globalLoader('navigation'), schema: payloadDocument<Navigation>() }),
}
