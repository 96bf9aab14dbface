/**
 * The `contest` cloud function: skills contests (技能比武). Browsing and results are public
 * (a poster's 小程序码 opens the detail page before anyone signs in); registrations belong to their
 * owner; review, results, export and posters are the union admin's.
 */
import { contestContract, type ContestActions } from '../../../types/api/contest';
import { implement } from '../../lib/router';
import { publishResults, review, reviewQueue } from './admin';
import { getContest, listContests, results } from './browse';
import { employerNames } from './employers';
import { exportCsv, poster } from './export';
import {
  adminContest,
  adminContests,
  closeContest,
  copyContest,
  publishContest,
  removeTrade,
  saveContest,
  saveTrade,
} from './manage';
import { myRegistrations, ticketCode } from './mine';
import { cancel, register, resubmit } from './register';
import { adminTitles, withdrawTitle } from './titles';

export const contestActions = implement<ContestActions>(contestContract, {
  listContests,
  getContest,
  results,
  register,
  resubmit,
  cancel,
  myRegistrations: (ctx) => myRegistrations(ctx),
  ticketCode,
  reviewQueue,
  review,
  publishResults,
  exportCsv,
  poster,
  adminContests: (ctx) => adminContests(ctx),
  adminContest,
  saveContest,
  saveTrade,
  removeTrade,
  publishContest,
  closeContest,
  copyContest,
  adminTitles,
  withdrawTitle,
  employerNames: (ctx) => employerNames(ctx),
});
