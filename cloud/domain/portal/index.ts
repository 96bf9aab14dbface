import { readAll } from '../../lib/paging';
import { portalContract, type PortalActions, type Station } from '../../../types/api/portal';
import { implement } from '../../lib/router';
import { stationClosedError } from '../admin/stations';

/** Great-circle distance in metres. */
export function distanceMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(6371000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)));
}

/** A station closed for a while says so (and until when) on the public list. */
function closedText(d: Record<string, any>, now: number): { closed?: string } {
  const e = stationClosedError({ _id: String(d._id), name: d.name, closure: d.closure }, now);
  return e ? { closed: e.message } : {};
}

/** Public information the home page shows to anyone, signed in or not. */
export const portalActions = implement<PortalActions>(portalContract, {
  async listStations(ctx, input) {
    const found = await readAll(ctx.db.collection('stations').where({ active: true }));
    const now = ctx.now();
    const stations: Station[] = found.map((d) => ({
      ...closedText(d, now),
      id: String(d._id),
      name: d.name,
      town: d.town ?? '',
      address: d.address,
      hours: d.hours,
      phone: d.phone ?? '',
      services: d.services ?? [],
      lat: d.lat,
      lng: d.lng,
    }));
    if (input.lat === undefined || input.lng === undefined)
      return stations.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    const lat = input.lat / 1e6;
    const lng = input.lng / 1e6;
    return stations
      .map((st) => ({ ...st, distance: distanceMetres(lat, lng, st.lat, st.lng) }))
      .sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0));
  },
});
