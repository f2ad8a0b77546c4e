import type { CollectionConfig } from 'payload'

import { editorsOnly, isEditorOrAdmin } from '../access/index'
import { dateField } from '../fields/date'
import { rebuildEndpoint } from './trigger'

/**
 * One record per site build: what triggered it, when, how long, whether it rendered every page
 * or only the changed ones (and why), its log and, when it failed, why in plain words. Written only by the CMS itself; editors read it and press "rebuild now".
 */
export const SiteBuilds: CollectionConfig = {
  slug: 'site-builds',
  labels: {
    singular: { da: 'Opdatering af siden', en: 'Site build' },
    plural: { da: 'Opdateringer af siden', en: 'Site builds' },
  },
  admin: {
    useAsTitle: 'summary',
    hideAPIURL: true,
    defaultColumns: ['status', 'trigger', 'createdAt', 'durationSeconds', 'release'],
    group: { da: 'Indstillinger', en: 'Settings' },
    components: { beforeList: ['/components/SiteBuildStatus#SiteBuildStatus'] },
    hidden: ({ user }) => !isEditorOrAdmin(user),
  },
  defaultSort: '-createdAt',
  access: { read: editorsOnly, create: () => false, update: () => false, delete: () => false },
  endpoints: [rebuildEndpoint],
  fields: [
    { name: 'summary', type: 'text', label: { da: 'Opdatering', en: 'Build' } },
    {
      name: 'status',
      type: 'select',
      required: true,
      label: { da: 'Status', en: 'Status' },
      options: [
        { value: 'queued', label: { da: 'I kø', en: 'Queued' } },
        { value: 'running', label: { da: 'Bygger', en: 'Building' } },
        { value: 'succeeded', label: { da: 'Offentliggjort', en: 'Published' } },
        { value: 'failed', label: { da: 'Fejlede', en: 'Failed' } },
        { value: 'hooked', label: { da: 'Sendt til ekstern byggetjeneste', en: 'Sent to external build' } },
      ],
    },
    { name: 'trigger', type: 'text', label: { da: 'Udløst af', en: 'Triggered by' } },
    { name: 'changes', type: 'number', label: { da: 'Ændringer samlet', en: 'Changes coalesced' }, defaultValue: 1 },
    dateField({ name: 'startedAt', label: { da: 'Startet', en: 'Started' } }, { displayFormat: 'd. MMM yyyy HH:mm:ss' }),
    dateField({ name: 'finishedAt', label: { da: 'Færdig', en: 'Finished' } }, { displayFormat: 'd. MMM yyyy HH:mm:ss' }),
    { name: 'durationSeconds', type: 'number', label: { da: 'Varighed (s)', en: 'Duration (s)' } },
    { name: 'release', type: 'text', label: { da: 'Udgivelse', en: 'Release' } },
    { name: 'pages', type: 'number', label: { da: 'Sider', en: 'Pages' } },
    // What the build rendered and why (core/release.ts ReleaseResult): every page, or only the pages of what changed.
    {
      name: 'mode',
      type: 'select',
      label: { da: 'Omfang', en: 'Scope' },
      options: [
        { value: 'full', label: { da: 'Hele siden', en: 'Every page' } },
        { value: 'partial', label: { da: 'Kun de ændrede sider', en: 'Changed pages only' } },
      ],
    },
    { name: 'reason', type: 'text', label: { da: 'Hvorfor', en: 'Why' } },
    { name: 'error', type: 'textarea', label: { da: 'Fejl', en: 'Error' } },
    { name: 'log', type: 'textarea', label: { da: 'Log', en: 'Log' }, admin: { rows: 20 } },
  ],
}
