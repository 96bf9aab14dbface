import type { CloudMain } from '../lib/entry';
import { main as academy } from './academy';
import { main as admin } from './admin';
import { main as checkin } from './checkin';
import { main as contest } from './contest';
import { main as gift } from './gift';
import { main as member } from './member';
import { main as portal } from './portal';
import { main as retirement } from './retirement';

/** Every cloud function, by the name the app calls; the emulator hosts exactly these. */
export const functions: Record<string, CloudMain> = {
  member,
  contest,
  academy,
  retirement,
  gift,
  checkin,
  portal,
  admin,
};
