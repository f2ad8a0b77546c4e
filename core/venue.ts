/**
 * Where a listing happens, in one place for the site's pages and calendars and the CMS's messages
 * to a person (cms/src/signups/messages.ts): the listing's own venue and address, or else its
 * department's, and the line and map link made from it.
 */

/** The department fields a place falls back to (the CMS's Department has them). */
export interface VenueDepartment {
  name?: string | null
  town?: string | null
  address?: { street?: string | null; postalCode?: string | null; city?: string | null } | null
  location?: [number, number] | null
}

/** Where a listing happens: its own venue, address and map point, or else its department's. */
export interface Place {
  name?: string
  street?: string
  postalCode?: string
  city?: string
  latitude?: number
  longitude?: number
}

interface Listing {
  venue?: string | null
  address?: { street?: string | null; postalCode?: string | null; city?: string | null } | null
  /** [longitude, latitude], as Payload's point field stores it. */
  location?: [number, number] | null
}

export function listingPlace(listing: Listing, department: VenueDepartment | undefined): Place {
  const own = listing.address ?? {}
  const hasOwnAddress = Boolean(own.street || own.city)
  const address = hasOwnAddress ? own : (department?.address ?? {})
  const point = listing.location ?? department?.location ?? undefined
  return {
    name: listing.venue ?? (hasOwnAddress ? undefined : department?.name ?? undefined),
    street: address.street ?? undefined,
    postalCode: address.postalCode ?? undefined,
    city: address.city ?? department?.town ?? undefined,
    longitude: point?.[0],
    latitude: point?.[1],
  }
}

/** One line for calendars and link previews: "Beboerhuset, Demovej 40, 8220 Brabrand". */
export function placeText(place: Place): string {
  const cityLine = [place.postalCode, place.city].filter(Boolean).join(' ')
  return [place.name, place.street, cityLine].filter(Boolean).join(', ')
}

/**
 * Directions to the place. Google's documented "Maps URLs" open the map app on Android and iOS
 * phones (and the map site elsewhere); the address works when there is no map point.
 */
/** Directions on OpenStreetMap to the place's point (the activity page's link), when it has one. */
export function pointDirectionsUrl(place: Place): string | undefined {
  return place.latitude !== undefined && place.longitude !== undefined ? `https://www.openstreetmap.org/directions?to=${place.latitude}%2C${place.longitude}` : undefined
}

export function directionsUrl(place: Place): string | undefined {
  const destination =
    place.latitude !== undefined && place.longitude !== undefined ? `${place.latitude},${place.longitude}` : placeText(place)
  return destination ? `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}` : undefined
}
