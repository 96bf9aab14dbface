import type { VoucherStatus } from '@contract/api/gift';
import type { Tone } from '../components/status-tag';

export const VOUCHER_TONE: Record<VoucherStatus, Tone> = {
  claimed: 'success',
  redeemed: 'info',
  expired: 'muted',
  cancelled: 'muted',
};
