import type { PortalActions } from '@contract/api/portal';
import { client } from './call';

const portal = client<PortalActions>('portal');

export const portalService = {
  listStations: (at?: { latitude: number; longitude: number }) =>
    portal.query('listStations', at ? { lat: Math.round(at.latitude * 1e6), lng: Math.round(at.longitude * 1e6) } : {}),
};
