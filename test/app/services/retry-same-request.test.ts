/**
 * Which failures keep the request id for the next try: INTERNAL (the first try may have gone
 * through: a crash, a lost answer) and BUSY (conflicts, or the first try still running — a new id
 * would act twice). A refusal (INVALID_STATE, OUT_OF_STOCK, ...) or a non-service error gets a new one.
 */
import { retrySameRequest, ServiceError } from '../../../src/services/call';

test('INTERNAL and BUSY keep the request id; refusals and other errors do not', () => {
  expect(retrySameRequest(new ServiceError('INTERNAL', '系统繁忙，请稍后再试'))).toBe(true);
  expect(retrySameRequest(new ServiceError('BUSY', '上一次提交还在处理中，请稍后查看结果'))).toBe(true);
  expect(retrySameRequest(new ServiceError('INVALID_STATE', '当前状态不能进行此操作'))).toBe(false);
  expect(retrySameRequest(new ServiceError('OUT_OF_STOCK', '本站已领完'))).toBe(false);
  expect(retrySameRequest(new Error('boom'))).toBe(false);
  expect(retrySameRequest({ code: 'BUSY' })).toBe(false);
});
