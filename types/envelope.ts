/**
 * The one response envelope every cloud function answers with, and the stable error codes.
 * Messages are Chinese and written for the person holding the phone, not for developers.
 */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '填写的信息有误，请检查后再提交',
  UNAUTHENTICATED: '请先登录后再操作',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关记录',
  INVALID_STATE: '当前状态不能进行此操作',
  IDEMPOTENCY_MISMATCH: '重复提交的请求内容不一致，请刷新后重试',
  PROFILE_INCOMPLETE: '请先完善会员信息',
  NOT_MEMBER: '仅限工会会员参加，请先申请入会',
  ALREADY_MEMBER: '您已是工会会员',
  ALREADY_APPLIED: '您已提交入会申请，请等待审核',
  CONTEST_FULL: '该项目名额已满',
  EMPLOYER_QUOTA_FULL: '本单位在该项目的名额已满',
  DEADLINE_PASSED: '已过截止时间',
  NOT_OPEN: '尚未开始',
  ALREADY_REGISTERED: '您已报名该项目，无需重复报名',
  NOT_ELIGIBLE: '不符合参加条件',
  SESSION_FULL: '本场名额已满',
  ALREADY_BOOKED: '您已预约本场课程',
  NOT_ATTENDED: '仅签到参加的学员可以评价',
  ALREADY_RATED: '您已评价过本场课程',
  COURSE_WITHDRAWN: '该课程已下架，请选择其他课程',
  OUT_OF_STOCK: '本站已领完',
  ALREADY_CLAIMED: '您已领取',
  NOT_IN_WINDOW: '不在领取时段',
  CAMPAIGN_PAUSED: '活动暂停发放，请稍后再试',
  NOT_IN_SCOPE: '不在本次发放范围',
  DUPLICATE_REQUEST: '此人已有申请记录，无需重复申请',
  INVALID_ID_NUMBER: '身份证号码有误，请核对',
  TOKEN_INVALID: '二维码无效，请让对方刷新后重试',
  TOKEN_EXPIRED: '二维码已过期，请让对方刷新后重试',
  WRONG_SCOPE: '此码不属于本场活动或本站点',
  ALREADY_REDEEMED: '此码已使用过',
  UNDO_EXPIRED: '已超过5分钟，不能撤销',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  SETUP_DONE: '系统已完成初始设置，超级管理员已产生',
  SETUP_CODE_INVALID: '设置码不正确，请核对部署时给出的设置码',
  INVITATION_INVALID: '邀请码无效，请向管理员重新索取',
  INVITATION_EXPIRED: '邀请已过期，请联系管理员重新邀请',
  INVITATION_USED_UP: '邀请名额已用完，请联系管理员重新邀请',
  INVITATION_REVOKED: '邀请已被管理员撤销',
  ALREADY_GRANTED: '您已拥有该身份，无需重复接受',
  STATION_CLOSED: '该驿站暂停服务，请选择其他驿站',
  BUSY: '同时办理的人较多，系统繁忙，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface Ok<T> {
  ok: true;
  data: T;
}

export interface Fail {
  ok: false;
  code: ErrorCode;
  /** Chinese, fit to show the user as it is. */
  message: string;
  /** Machine-readable extras, e.g. the field that failed or stations that still have stock. */
  details?: Record<string, unknown>;
}

export type Envelope<T> = Ok<T> | Fail;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code);
}
