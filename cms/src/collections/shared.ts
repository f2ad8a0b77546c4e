import type { CollectionConfig } from 'payload'

import {
  createInOwnDepartment,
  editorsOnly,
  loggedIn,
  ownDepartment,
  publishedOrOwnDepartment,
  publishedOrStaff,
} from '../access/index'

/** Drafts with autosave, version history with restore, and publish/unpublish at a set time. */
export const editorialVersions: CollectionConfig['versions'] = {
  // Scheduling is Payload's (its job and server functions); its drawer is ours
  // (components/SchedulePublish.tsx), which reads dates day-month.
  drafts: { autosave: { interval: 2000 }, schedulePublish: { timeFormat: 'HH:mm' } },
  maxPerDoc: 50,
}

/** National content (activity types, target groups, pages): communications staff edit. */
export const nationalContent: Pick<CollectionConfig, 'access' | 'versions'> = {
  access: {
    read: publishedOrStaff,
    readVersions: loggedIn,
    create: editorsOnly,
    update: editorsOnly,
    delete: editorsOnly,
  },
  versions: editorialVersions,
}

/** A department's own listings (activities, events): each department edits only its own. */
export const departmentContent: Pick<CollectionConfig, 'access' | 'versions'> = {
  access: {
    read: publishedOrOwnDepartment,
    readVersions: ownDepartment('version.department'),
    create: createInOwnDepartment,
    update: ownDepartment('department'),
    delete: ownDepartment('department'),
  },
  versions: editorialVersions,
}
