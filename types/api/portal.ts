import { contract, returns, type ActionsOf } from '../contract';
import { s } from '../schema';

export interface Station {
  id: string;
  name: string;
  town: string;
  address: string;
  hours: string;
  phone: string;
  services: string[];
  lat: number;
  lng: number;
  /** Metres from the caller, when they shared a location. */
  distance?: number;
  /** Set while the station is closed for a while: why and until when (e.g. 暂停服务（至 …）：设备检修). */
  closed?: string;
}

export const listStationsInput = s.object({
  lat: s.optional(s.int({ label: '纬度', min: -90_000_000, max: 90_000_000 })),
  lng: s.optional(s.int({ label: '经度', min: -180_000_000, max: 180_000_000 })),
});

export const portalContract = /* @__PURE__ */ contract({
  /** 驿站 near the caller; `lat`/`lng` in micro-degrees (integers keep the payload exact). */
  listStations: { input: listStationsInput, output: returns<Station[]>, access: 'public' },
});
export type PortalActions = ActionsOf<typeof portalContract>;
