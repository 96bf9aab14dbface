import Taro from '@tarojs/taro';
import { hasConsented } from '../stores/consent';

/** Straight-line distance in metres (haversine): close enough to rank 驿站 across a district. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.sqrt(h));
}

/** 850米 / 3.2公里 */
export function formatDistance(m: number): string {
  return m < 1000 ? `${Math.round(m / 10) * 10}米` : `${(m / 1000).toFixed(1)}公里`;
}

/**
 * Where the worker is, if they already agreed to share it (asked once, on the home page's 离我最近);
 * null otherwise, or where the API is missing. This page never asks on its own at load.
 */
export async function locate(): Promise<{ lat: number; lng: number } | null> {
  if (!hasConsented('location')) return null;
  try {
    const r = await Taro.getLocation({ type: 'gcj02' });
    return { lat: r.latitude, lng: r.longitude };
  } catch {
    return null;
  }
}
