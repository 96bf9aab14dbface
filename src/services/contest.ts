import type { ContestActions } from '@contract/api/contest';
import { client } from './call';

const contest = client<ContestActions>('contest');
type In<K extends keyof ContestActions> = ContestActions[K]['input'];

/** Skills contests (技能比武): the contest subpackage's only way to the cloud `contest` function. */
export const contestService = {
  listContests: (phase?: In<'listContests'>['phase']) => contest.query('listContests', phase ? { phase } : {}),
  getContest: (contestId: string) => contest.query('getContest', { contestId }),
  results: (contestId: string) => contest.query('results', { contestId }),
  register: (input: In<'register'>, requestId?: string) => contest.mutate('register', input, requestId),
  resubmit: (input: In<'resubmit'>, requestId?: string) => contest.mutate('resubmit', input, requestId),
  cancel: (registrationId: string, requestId?: string) => contest.mutate('cancel', { registrationId }, requestId),
  myRegistrations: () => contest.query('myRegistrations', {}),
  ticketCode: (registrationId: string) => contest.query('ticketCode', { registrationId }),
  reviewQueue: (input: In<'reviewQueue'>) => contest.query('reviewQueue', input),
  review: (input: In<'review'>, requestId?: string) => contest.mutate('review', input, requestId),
  publishResults: (input: In<'publishResults'>, requestId?: string) =>
    contest.mutate('publishResults', input, requestId),
  exportCsv: (input: In<'exportCsv'>) => contest.query('exportCsv', input),
  poster: (contestId: string) => contest.query('poster', { contestId }),
};
