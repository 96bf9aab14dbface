/**
 * The `contest` cloud function: skills contests (技能比武). Browsing and results are public
 * (a poster's 小程序码 opens the detail page before anyone signs in); registrations belong to their
 * owner; review, results, export and posters are the union admin's.
 */
import { contestSchemas as S, type ContestActions } from '../../../types/api/contest';
import { defineActions } from '../../lib/router';
import { publishResults, review, reviewQueue } from './admin';
import { getContest, listContests, results } from './browse';
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

export const contestActions = defineActions<ContestActions>({
  listContests: { input: S.listContests, access: 'public', handler: listContests },
  getContest: { input: S.getContest, access: 'public', handler: getContest },
  results: { input: S.results, access: 'public', handler: results },
  register: { input: S.register, access: 'signedIn', mutating: true, handler: register },
  resubmit: { input: S.resubmit, access: 'signedIn', mutating: true, handler: resubmit },
  cancel: { input: S.cancel, access: 'signedIn', mutating: true, handler: cancel },
  myRegistrations: { input: S.myRegistrations, access: 'signedIn', handler: (ctx) => myRegistrations(ctx) },
  ticketCode: { input: S.ticketCode, access: 'signedIn', handler: ticketCode },
  reviewQueue: { input: S.reviewQueue, access: ['admin'], handler: reviewQueue },
  review: { input: S.review, access: ['admin'], mutating: true, handler: review },
  publishResults: { input: S.publishResults, access: ['admin'], mutating: true, handler: publishResults },
  exportCsv: { input: S.exportCsv, access: ['admin'], handler: exportCsv },
  poster: { input: S.poster, access: ['admin'], handler: poster },
  adminContests: { input: S.adminContests, access: ['admin'], handler: (ctx) => adminContests(ctx) },
  adminContest: { input: S.adminContest, access: ['admin'], handler: adminContest },
  saveContest: { input: S.saveContest, access: ['admin'], mutating: true, handler: saveContest },
  saveTrade: { input: S.saveTrade, access: ['admin'], mutating: true, handler: saveTrade },
  removeTrade: { input: S.removeTrade, access: ['admin'], mutating: true, handler: removeTrade },
  publishContest: { input: S.publishContest, access: ['admin'], mutating: true, handler: publishContest },
  closeContest: { input: S.closeContest, access: ['admin'], mutating: true, handler: closeContest },
  copyContest: { input: S.copyContest, access: ['admin'], mutating: true, handler: copyContest },
});
