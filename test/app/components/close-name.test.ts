import { closeName } from '../../../src/components/list-pick/close-name';

const NAMES = ['嘉兴纺织有限公司', '王江泾丝绸服饰有限公司', '秀洲 精工机械'];

test('a short or long spelling of a listed name is matched to the list’s spelling', () => {
  expect(closeName('嘉兴纺织', NAMES)).toBe('嘉兴纺织有限公司');
  expect(closeName(' 丝绸服饰 ', NAMES)).toBe('王江泾丝绸服饰有限公司');
  expect(closeName('浙江秀洲精工机械集团', NAMES)).toBe('秀洲 精工机械');
});

test('a listed name (spaces aside), a name like none, or too little typed: nothing to say', () => {
  expect(closeName('嘉兴纺织有限公司', NAMES)).toBeUndefined();
  expect(closeName('秀洲精工机械', NAMES)).toBeUndefined();
  expect(closeName('嘉善食品厂', NAMES)).toBeUndefined();
  expect(closeName('嘉', NAMES)).toBeUndefined();
  expect(closeName('', NAMES)).toBeUndefined();
  expect(closeName('嘉兴纺织', [])).toBeUndefined();
});
