import { REGISTRATION_STATUS_TEXT, type ContestPhase, type RegistrationStatus } from '@contract/api/contest';
import type { Tone } from '../../components/status-tag';

export const PHASE_TEXT: Record<ContestPhase, string> = { open: '报名中', upcoming: '即将开始', closed: '已截止' };
export const PHASE_TONE: Record<ContestPhase, Tone> = { open: 'success', upcoming: 'info', closed: 'muted' };

export const STATUS_TONE: Record<RegistrationStatus, Tone> = {
  submitted: 'warning',
  approved: 'success',
  returned: 'danger',
  checked_in: 'info',
  result_published: 'info',
  awarded: 'success',
  cancelled: 'muted',
};

export const statusText = (s: RegistrationStatus) => REGISTRATION_STATUS_TEXT[s];
