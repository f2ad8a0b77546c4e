import type { Payload, TaskConfig } from 'payload'

import { timeZone } from '../../../core/time'
import type { ChildCertificate, Department } from '../payload-types'
import { isEmpty } from '../lib/where'

/** Days before renew-by that the department is reminded (CERTIFICATE_REMINDER_DAYS). */
export const reminderDays = () => Number(process.env.CERTIFICATE_REMINDER_DAYS ?? 30)
const dayMs = 86_400_000

const danishDate = (value: string) => new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeZone }).format(new Date(value))

/** The department's editors and its own address: whoever keeps its volunteers' certificates current. */
async function recipientsOf(payload: Payload, department: Department): Promise<string[]> {
  const { docs: editors } = await payload.find({
    collection: 'users',
    where: { and: [{ role: { equals: 'department-editor' } }, { departments: { in: [department.id] } }] },
    overrideAccess: true,
    depth: 0,
    pagination: false,
  })
  return [...new Set([...editors.map((editor) => editor.email), department.email].filter((email): email is string => Boolean(email)))]
}

/**
 * Once a day: a cleared børneattest whose renew-by date is within 30 days gets its department
 * one reminder (Danish), once; the record then remembers it was sent. A new renew-by date (a
 * renewed certificate) means a new reminder next time.
 */
export const certificateRemindersTask: TaskConfig<{ input: { now?: string }; output: { reminded: number; emails: number } }> = {
  slug: 'certificateReminders',
  label: 'Remind departments of child certificates to renew',
  inputSchema: [{ name: 'now', type: 'text' }],
  outputSchema: [
    { name: 'reminded', type: 'number' },
    { name: 'emails', type: 'number' },
  ],
  retries: 1,
  schedule: [{ cron: '0 7 * * *', queue: 'default' }],
  handler: async ({ input, req }) => {
    const { payload } = req
    const now = input?.now ? new Date(input.now) : new Date()
    const { docs } = await payload.find({
      collection: 'child-certificates',
      where: {
        and: [
          { status: { equals: 'cleared' } },
          { renewBy: { less_than_equal: new Date(now.getTime() + reminderDays() * dayMs).toISOString() } },
          isEmpty('reminderSentAt'),
          isEmpty('stoppedAt'),
        ],
      },
      overrideAccess: true,
      depth: 1,
      pagination: false,
      req,
    })
    const byDepartment = new Map<string, { department: Department; certificates: ChildCertificate[] }>()
    for (const certificate of docs) {
      const department = certificate.department as Department
      if (typeof department !== 'object' || !department) continue
      const group = byDepartment.get(String(department.id)) ?? { department, certificates: [] }
      group.certificates.push(certificate)
      byDepartment.set(String(department.id), group)
    }
    let reminded = 0
    let emails = 0
    const admin = `${payload.config.serverURL}${payload.config.routes.admin}`
    for (const { department, certificates } of byDepartment.values()) {
      const to = await recipientsOf(payload, department)
      if (!to.length) {
        payload.logger.warn(`Certificate reminders: department ${department.id} has no e-mail address and no editors (${certificates.length} due).`)
        continue
      }
      const lines = certificates.map((certificate) => {
        const activity = typeof certificate.activity === 'object' && certificate.activity ? ` (${certificate.activity.title})` : ''
        return `- ${certificate.volunteerName}${activity}: fornyes senest ${danishDate(certificate.renewBy!)}\n  ${admin}/collections/child-certificates/${certificate.id}`
      })
      const text = [
        `Hej ${department.name}`,
        `${certificates.length === 1 ? 'En børneattest' : `${certificates.length} børneattester`} skal snart fornyes:`,
        lines.join('\n'),
        'Bestil en ny børneattest hos politiet med afdelingens MitID. Den frivillige får en anmodning om samtykke i Digital Post og skal svare inden 14 dage. Når den nye attest er godkendt, så ret status og datoen i administrationen.',
        'Mailen indeholder personoplysninger: slet den, når opgaven er løst.',
      ].join('\n\n')
      try {
        await payload.sendEmail({ to, subject: `Børneattester skal fornyes: ${department.name}`, text })
        emails++
      } catch (error) {
        payload.logger.error(`Certificate reminder for department ${department.id} could not be sent (${(error as { code?: string })?.code ?? 'error'}).`)
        continue
      }
      for (const certificate of certificates) {
        await payload.update({ collection: 'child-certificates', id: certificate.id, data: { reminderSentAt: now.toISOString() }, overrideAccess: true, depth: 0, req })
        reminded++
      }
    }
    payload.logger.info(`Certificate reminders: ${reminded} certificates in ${emails} e-mails.`)
    return { output: { reminded, emails } }
  },
}
