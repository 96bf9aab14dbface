// Times on the 工作台 are China time whatever the device says: see src/utils/format.ts.
export { clockTime, dayTime } from '../utils/format';
