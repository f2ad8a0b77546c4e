import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, Payload, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { relationId } from '../../../core/relation'
import { participantsOf, type SignupPlace } from '../../../core/signups'
import { isMongo, mongoAdapter, sqliteClient } from '../lib/adapter'
import { ours } from '../lib/translations'
import type { Signup } from '../payload-types'
import { type PersonNotice, tellPerson } from './notify'

/**
 * Places and the waiting list (issue 15): who gets a place, who waits, and who moves up when
 * places free up.
 *
 * Each listing with participant signups has a counter (the hidden `signup-places` collection,
 * SignupPlaces.ts): `taken`, the participants of its placed signups, and `lastPosition`, the last
 * waiting-list number given. Places are never oversold because a place is taken only by ONE atomic
 * conditional write to the counter, `taken = taken + n WHERE taken + n <= capacity`:
 *
 * - SQLite: a single `UPDATE … WHERE … RETURNING` statement (SQLite runs each statement atomically
 *   under its write lock, whichever connection or process sends it); no row back = no room.
 * - MongoDB: `findOneAndUpdate` with the same condition as a filter (`$expr`) and `$inc`: MongoDB
 *   applies the filter and the update to one document atomically, so of two signups for the last
 *   place only one matches. The counter is created with an upsert keyed by the unique `target`.
 *
 * A signup's own move (waiting → placed, placed → released) is claimed the same way, with the
 * expected old value in the condition (`WHERE place = 'waitlisted'`), so a release that runs twice
 * (the coordinator's status change and the cancel link) frees the places once.
 *
 * On top of that, the steps for one listing run one after the other in this process (`inTurn`):
 * not for correctness of the counts (the conditional writes give that, also across processes) but
 * for order: a new signup cannot slip into places freed by a cancellation before the waiting list
 * has had them, and a waiting signup is stored before the next promotion looks for it.
 */

/** A listing a participant signs up for: its counter key and what it is. */
export interface PlacesTarget {
  type: 'activity' | 'event'
  id: number | string
}

const keyOf = ({ type, id }: PlacesTarget) => `${type}:${id}`
const collectionOf = ({ type }: PlacesTarget) => (type === 'activity' ? 'activities' : 'events')

/** The listing a participant signup is for, if any (volunteers and department signups have none). */
export function placesTargetOf(signup: Pick<Signup, 'kind' | 'activity' | 'event'>): PlacesTarget | undefined {
  if (signup.kind !== 'participant') return undefined
  const event = relationId(signup.event)
  if (event !== undefined && event !== null) return { type: 'event', id: event }
  const activity = relationId(signup.activity)
  if (activity !== undefined && activity !== null) return { type: 'activity', id: activity }
  return undefined
}

// --- One listing at a time (in this process) -------------------------------------------------

const state = globalThis as typeof globalThis & { __signupPlacesQueue?: Map<string, Promise<unknown>> }
const queues = (state.__signupPlacesQueue ??= new Map())

/** Runs `step` after every earlier step for the same listing has finished. */
async function inTurn<T>(target: PlacesTarget, step: () => Promise<T>): Promise<T> {
  const key = keyOf(target)
  const before = queues.get(key) ?? Promise.resolve()
  const run = before.then(step, step)
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  queues.set(key, settled)
  try {
    return await run
  } finally {
    if (queues.get(key) === settled) queues.delete(key)
  }
}

/**
 * Tells people after the step, never inside it: a slow or absent mail server or SMS gateway must
 * not hold up the listing's queue (every new signup for it waits there) or the coordinator's save.
 * tellPerson never throws; one after the other, so a gateway is not flooded.
 */
function tellLater(payload: Payload, told: readonly { signup: Signup; notice: PersonNotice }[]): void {
  if (!told.length) return
  setImmediate(() => {
    void (async () => {
      for (const { signup, notice } of told) await tellPerson(payload, signup, notice)
    })()
  })
}

// --- The counter: one atomic write per step, on either database ------------------------------

// MongoDB or SQLite (lib/adapter.ts): each step below is written for both.
const sqlite = sqliteClient
const mongo = mongoAdapter
/** A collection's Mongoose model (the adapter makes one for every collection). */
const model = (payload: Payload, slug: 'signups' | 'signup-places') => mongo(payload).collections[slug]!
/** The request's MongoDB session when it runs in a transaction (an admin save), so our writes join it. */
async function mongoSession(payload: Payload, req?: PayloadRequest) {
  const id = req?.transactionID ? await req.transactionID : undefined
  return id ? mongo(payload).sessions[id] : undefined
}
const now = () => new Date().toISOString()

/**
 * Makes the counter if the listing has none yet, counted from the signups already stored (those
 * from before places existed, which the migration marked placed). One statement: of two first
 * signups at once, one inserts and the other's insert does nothing.
 */
async function ensureCounter(payload: Payload, target: PlacesTarget, req?: PayloadRequest): Promise<void> {
  const key = keyOf(target)
  // Almost always there already: one indexed look-up instead of counting the listing's signups.
  if ((await placesTaken(payload, target)) !== undefined) return
  if (isMongo(payload)) {
    const session = await mongoSession(payload, req)
    const field = target.type
    const [sums] = await model(payload, 'signups')
      .aggregate<{ taken: number; last: number | null }>(
        [
          { $match: { $expr: { $eq: [{ $toString: `$${field}` }, String(target.id)] } } },
          {
            $group: {
              _id: null,
              taken: { $sum: { $cond: [{ $eq: ['$place', 'placed'] }, { $ifNull: ['$participants', 1] }, 0] } },
              last: { $max: '$waitlistPosition' },
            },
          },
        ],
        { session },
      )
      .exec()
    // $setOnInsert: an existing counter is left as it is (the sums may be older than it).
    await model(payload, 'signup-places').updateOne(
      { target: key },
      { $setOnInsert: { target: key, taken: sums?.taken ?? 0, lastPosition: sums?.last ?? 0, createdAt: new Date(), updatedAt: new Date() } },
      { upsert: true, session },
    )
    return
  }
  const column = target.type === 'activity' ? 'activity_id' : 'event_id'
  await sqlite(payload).execute({
    sql: `INSERT INTO signup_places (target, taken, last_position)
          SELECT ?, COALESCE(SUM(CASE WHEN place = 'placed' THEN COALESCE(participants, 1) ELSE 0 END), 0), COALESCE(MAX(waitlist_position), 0)
          FROM signups WHERE ${column} = ?
          ON CONFLICT(target) DO NOTHING`,
    args: [key, target.id],
  })
}

/**
 * Takes `count` places if they fit under `capacity` (null: no limit, always taken), in one atomic
 * conditional write. Returns the places taken afterwards, or undefined when they did not fit.
 */
async function takePlaces(payload: Payload, target: PlacesTarget, count: number, capacity: number | null, req?: PayloadRequest): Promise<number | undefined> {
  const key = keyOf(target)
  if (isMongo(payload)) {
    const fits = capacity === null ? {} : { $expr: { $lte: [{ $add: ['$taken', count] }, capacity] } }
    const counter = await model(payload, 'signup-places')
      .findOneAndUpdate({ target: key, ...fits }, { $inc: { taken: count }, $set: { updatedAt: new Date() } }, { new: true, session: await mongoSession(payload, req) })
      .lean<{ taken: number }>()
    return counter ? counter.taken : undefined
  }
  const { rows } = await sqlite(payload).execute({
    sql: `UPDATE signup_places SET taken = taken + ?, updated_at = ? WHERE target = ? AND (? IS NULL OR taken + ? <= ?) RETURNING taken`,
    args: [count, now(), key, capacity, count, capacity],
  })
  return rows.length ? Number(rows[0]!.taken) : undefined
}

/** Gives `count` places back (never below 0). */
async function freePlaces(payload: Payload, target: PlacesTarget, count: number, req?: PayloadRequest): Promise<void> {
  const key = keyOf(target)
  if (isMongo(payload)) {
    // An update pipeline, so the floor at 0 is part of the same atomic write.
    await model(payload, 'signup-places').updateOne(
      { target: key },
      [{ $set: { taken: { $max: [0, { $subtract: ['$taken', count] }] }, updatedAt: new Date() } }],
      { session: await mongoSession(payload, req) },
    )
    return
  }
  await sqlite(payload).execute({ sql: `UPDATE signup_places SET taken = MAX(taken - ?, 0), updated_at = ? WHERE target = ?`, args: [count, now(), key] })
}

/** The next waiting-list number: unique per listing, also for signups at the same instant. */
async function nextPosition(payload: Payload, target: PlacesTarget): Promise<number> {
  const key = keyOf(target)
  if (isMongo(payload)) {
    const counter = await model(payload, 'signup-places')
      .findOneAndUpdate({ target: key }, { $inc: { lastPosition: 1 }, $set: { updatedAt: new Date() } }, { new: true })
      .lean<{ lastPosition: number }>()
    return counter!.lastPosition
  }
  const { rows } = await sqlite(payload).execute({
    sql: `UPDATE signup_places SET last_position = last_position + 1, updated_at = ? WHERE target = ? RETURNING last_position`,
    args: [now(), key],
  })
  return Number(rows[0]!.last_position)
}

/** What a listing's counter says now (undefined: nobody signed up yet). */
export async function placesTaken(payload: Payload, target: PlacesTarget): Promise<number | undefined> {
  const key = keyOf(target)
  if (isMongo(payload)) {
    const counter = await model(payload, 'signup-places').findOne({ target: key }).lean<{ taken: number }>()
    return counter?.taken
  }
  const { rows } = await sqlite(payload).execute({ sql: `SELECT taken FROM signup_places WHERE target = ?`, args: [key] })
  return rows.length ? Number(rows[0]!.taken) : undefined
}

/**
 * Moves a signup's place from `from` to `to` if it still is `from` (one conditional write; `from`
 * null: a signup without a place), with its waiting-list number (none unless it goes on the
 * waiting list). Returns whether this call made the move.
 */
async function moveSignup(payload: Payload, id: Signup['id'], from: SignupPlace | null, to: SignupPlace | null, req?: PayloadRequest, position: number | null = null): Promise<boolean> {
  if (isMongo(payload)) {
    const moved = await model(payload, 'signups').findOneAndUpdate(
      { _id: id, place: from },
      { $set: { place: to, waitlistPosition: position, updatedAt: new Date() } },
      { session: await mongoSession(payload, req) },
    )
    return moved !== null
  }
  const { rows } = await sqlite(payload).execute({
    sql: `UPDATE signups SET place = ?, waitlist_position = ?, updated_at = ? WHERE id = ? AND place IS ? RETURNING id`,
    args: [to, position, now(), id, from],
  })
  return rows.length > 0
}

/** The listing's number of places as published now (null: no limit; undefined: no such listing). */
async function capacityOf(payload: Payload, target: PlacesTarget, req?: PayloadRequest): Promise<number | null | undefined> {
  const listing = await payload.findByID({ collection: collectionOf(target), id: target.id, depth: 0, overrideAccess: true, disableErrors: true, req })
  return listing ? (listing.capacity ?? null) : undefined
}

// --- Signing up ------------------------------------------------------------------------------

export interface Allocation {
  place: SignupPlace
  /** On the waiting list: its number (1 first). */
  position?: number
}

/**
 * A new participant signup for a listing: placed if its participants fit, else on the waiting
 * list with the next number. `store` stores the signup with that allocation; when storing fails,
 * the places are given back. In turn with every other step for the listing (see above).
 */
export async function signUpWithPlaces<T>(
  payload: Payload,
  target: PlacesTarget & { capacity: number | null },
  participants: number,
  store: (allocation: Allocation) => Promise<T>,
): Promise<{ stored: T; allocation: Allocation }> {
  return inTurn(target, async () => {
    await ensureCounter(payload, target)
    const taken = await takePlaces(payload, target, participants, target.capacity)
    const allocation: Allocation = taken !== undefined ? { place: 'placed' } : { place: 'waitlisted', position: await nextPosition(payload, target) }
    try {
      return { stored: await store(allocation), allocation }
    } catch (error) {
      if (allocation.place === 'placed') await freePlaces(payload, target, participants)
      throw error
    }
  })
}

// --- Places freeing up -----------------------------------------------------------------------

/**
 * Places the first waiting signups that fit, in waiting-list order. The rule: a waiting signup
 * whose family does not fit in the places left keeps its number and waits, and the smaller ones
 * behind it that do fit are placed — a big family does not hold up everyone behind it, and it
 * keeps its turn for the next places that free up. Call in turn; tell those placed after it
 * (`promotedNotices`, tellLater).
 */
const promotedNotices = (promoted: Signup[]) => promoted.map((signup) => ({ signup, notice: 'promoted' as const }))

async function placeWaiting(payload: Payload, target: PlacesTarget, capacity: number | null, req?: PayloadRequest): Promise<Signup[]> {
  await ensureCounter(payload, target, req)
  let left = capacity === null ? Infinity : capacity - ((await placesTaken(payload, target)) ?? 0)
  if (left <= 0) return []
  const { docs: waiting } = await payload.find({
    collection: 'signups',
    where: { and: [{ [target.type]: { equals: target.id } }, { place: { equals: 'waitlisted' } }] },
    sort: 'waitlistPosition',
    limit: 1_000,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const promoted: Signup[] = []
  for (const signup of waiting) {
    const count = participantsOf(signup)
    if (count > left) continue
    const taken = await takePlaces(payload, target, count, capacity, req)
    if (taken === undefined) continue
    if (!(await moveSignup(payload, signup.id, 'waitlisted', 'placed', req))) {
      // It left the waiting list meanwhile (cancelled in another process): the places go back.
      await freePlaces(payload, target, count, req)
      continue
    }
    left = capacity === null ? Infinity : capacity - taken
    promoted.push({ ...signup, place: 'placed', waitlistPosition: null })
    if (left <= 0) break
  }
  if (promoted.length) payload.logger.info(`Signup places: ${promoted.length} moved up from the waiting list (${keyOf(target)}).`)
  return promoted
}

/**
 * Call `releasePlaces` after a signup left its place or the waiting list (the person cancelled
 * through their link, the coordinator declined it): it frees the signup's places and places the
 * first waiting signups that now fit, telling each of them (notify.ts). Safe to call twice (the
 * Signups hook below already calls it when the status becomes declined or withdrawn): only the
 * first call finds the signup still holding its place.
 */
export async function releasePlaces(payload: Payload, signup: Signup, req?: PayloadRequest): Promise<void> {
  const target = placesTargetOf(signup)
  if (!target) return
  const promoted = await inTurn(target, async () => {
    if (await moveSignup(payload, signup.id, 'placed', null, req)) {
      await freePlaces(payload, target, participantsOf(signup), req)
      const capacity = await capacityOf(payload, target, req)
      if (capacity !== undefined) return placeWaiting(payload, target, capacity, req)
    } else {
      await moveSignup(payload, signup.id, 'waitlisted', null, req)
    }
    return []
  })
  tellLater(payload, promotedNotices(promoted))
}

// --- Hooks -----------------------------------------------------------------------------------

/**
 * Signups, after an admin deleted one (a person's erasure request): a signup that still held a
 * place gives it to the waiting list.
 */
export const placesAfterSignupDelete: CollectionAfterDeleteHook<Signup> = async ({ doc, req }) => {
  const target = placesTargetOf(doc)
  if (!target || doc.place !== 'placed') return doc
  const promoted = await inTurn(target, async () => {
    await freePlaces(req.payload, target, participantsOf(doc), req)
    const capacity = await capacityOf(req.payload, target, req)
    return capacity !== undefined ? placeWaiting(req.payload, target, capacity, req) : []
  })
  tellLater(req.payload, promotedNotices(promoted))
  return doc
}

const closedPlaces = new Set(['declined', 'withdrawn'])

/**
 * Events and activities: when the published listing has room (more places, or no limit any more),
 * the first waiting signups that fit are placed. Checked on every published save rather than by
 * comparing the number with the one before: the admin autosaves drafts, so by the time the
 * coordinator publishes, the version before already has the new number. Cheap when nobody waits:
 * one look-up of the counter (none: nobody signed up since places existed). Lowering the number
 * moves nobody off their place.
 */
export const placeWaitingAfterCapacityChange: CollectionAfterChangeHook = async ({ doc, operation, req, collection }) => {
  if (operation !== 'update' || doc._status === 'draft' || doc.howToJoin !== 'sign-up') return doc
  const target: PlacesTarget = { type: collection.slug === 'events' ? 'event' : 'activity', id: doc.id }
  const taken = await placesTaken(req.payload, target)
  const capacity = (doc.capacity as number | null | undefined) ?? null
  if (taken === undefined || (capacity !== null && taken >= capacity)) return doc
  const promoted = await inTurn(target, () => placeWaiting(req.payload, target, capacity, req))
  tellLater(req.payload, promotedNotices(promoted))
  return doc
}

/**
 * Signups: what a coordinator may change about a place. They may give a signup that is still open
 * a place (from the waiting list, even beyond the number of places: their decision); places are
 * given back by declining or withdrawing (status), never by editing the place by hand.
 */
export const checkPlaceChange: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !req.user || data.place === undefined || data.place === originalDoc?.place) return data
  const status = data.status ?? originalDoc?.status
  if (data.place === 'placed' && originalDoc?.kind === 'participant' && !closedPlaces.has(status)) return data
  throw new ValidationError({ collection: 'signups', errors: [{ path: 'place', message: ours(req.t)('invalid:placeChange') }] }, req.t)
}

/**
 * Signups, after a coordinator's change:
 * - declined or withdrawn → its places go to the waiting list (releasePlaces), and the person is
 *   told (declined, or cancelled when a coordinator recorded their withdrawal);
 * - reopened (declined or withdrawn → an open status) → it lines up again like a new signup: a
 *   place if its people fit, else the end of the waiting list, and the person is told which;
 * - given a place by hand → it is counted (beyond the limit: the coordinator's decision) and the
 *   person is told they moved up;
 * - the number of people changed while it holds a place (an admin's correction) → the counter
 *   follows, and places given back go to the waiting list.
 * Messages go after the step (tellLater), never holding up the save.
 */
export const placesAfterSignupChange: CollectionAfterChangeHook<Signup> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || !previousDoc || context.attendanceOnly) return doc
  const { payload } = req
  if (closedPlaces.has(doc.status) && doc.status !== previousDoc.status) {
    if (doc.place) await releasePlaces(payload, doc, req)
    const closed = { ...doc, place: null, waitlistPosition: null }
    if (doc.status === 'declined') tellLater(payload, [{ signup: closed, notice: 'declined' }])
    // Withdrawn by a coordinator (the person phoned or wrote): told their cancellation went
    // through, like a cancellation through the link. The link's own cancellation (cancel.ts) has
    // set cancelledAt first and tells the person itself.
    if (doc.status === 'withdrawn' && !doc.cancelledAt) tellLater(payload, [{ signup: closed, notice: 'cancelled' }])
    return closed
  }
  const target = placesTargetOf(doc)
  if (!target) return doc
  if (closedPlaces.has(previousDoc.status) && !doc.place) {
    const placed = await inTurn(target, async () => {
      await ensureCounter(payload, target, req)
      const capacity = await capacityOf(payload, target, req)
      if (capacity === undefined) return undefined
      if ((await takePlaces(payload, target, participantsOf(doc), capacity, req)) !== undefined) {
        await moveSignup(payload, doc.id, null, 'placed', req)
        return { ...doc, place: 'placed' as const, waitlistPosition: null }
      }
      const position = await nextPosition(payload, target)
      await moveSignup(payload, doc.id, null, 'waitlisted', req, position)
      return { ...doc, place: 'waitlisted' as const, waitlistPosition: position }
    })
    if (!placed) return doc
    tellLater(payload, [{ signup: placed, notice: placed.place === 'placed' ? 'placed' : 'waitlisted' }])
    return placed
  }
  if (doc.place === 'placed' && previousDoc.place !== 'placed') {
    await inTurn(target, async () => {
      // A counter made now counts this signup already (it is stored as placed).
      const counted = (await placesTaken(payload, target)) === undefined
      await ensureCounter(payload, target, req)
      // Counted without the limit: the coordinator chose to place them.
      if (!counted) await takePlaces(payload, target, participantsOf(doc), null, req)
      if (previousDoc.place === 'waitlisted') await moveSignup(payload, doc.id, 'placed', 'placed', req)
    })
    const placed = { ...doc, waitlistPosition: null }
    tellLater(payload, [{ signup: placed, notice: 'promoted' }])
    return placed
  }
  const more = participantsOf(doc) - participantsOf(previousDoc)
  if (doc.place === 'placed' && previousDoc.place === 'placed' && more !== 0) {
    const promoted = await inTurn(target, async () => {
      await ensureCounter(payload, target, req)
      // More people: counted without the limit (the admin's correction); fewer: the places go on.
      if (more > 0) {
        await takePlaces(payload, target, more, null, req)
        return []
      }
      await freePlaces(payload, target, -more, req)
      const capacity = await capacityOf(payload, target, req)
      return capacity !== undefined ? placeWaiting(payload, target, capacity, req) : []
    })
    tellLater(payload, promotedNotices(promoted))
  }
  return doc
}

// --- What the site shows ---------------------------------------------------------------------

export interface Availability {
  /** null: no limit. */
  capacity: number | null
  /** null: no limit; never below 0 (a coordinator may place beyond the number). */
  placesLeft: number | null
  /** How many signups wait. */
  waiting: number
}

/** A listing's places left and waiting list, as counts only: nothing about who. */
export async function availabilityOf(payload: Payload, target: PlacesTarget, capacity: number | null): Promise<Availability> {
  let taken = await placesTaken(payload, target)
  if (taken === undefined && capacity !== null) {
    // No signup since places existed: count those from before (one idempotent insert).
    await ensureCounter(payload, target)
    taken = await placesTaken(payload, target)
  }
  const { totalDocs: waiting } = await payload.count({
    collection: 'signups',
    where: { and: [{ [target.type]: { equals: target.id } }, { place: { equals: 'waitlisted' } }] },
    overrideAccess: true,
  })
  return { capacity, placesLeft: capacity === null ? null : Math.max(0, capacity - (taken ?? 0)), waiting }
}
