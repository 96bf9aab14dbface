// The `app` project's stand-ins for @tarojs/taro and @tarojs/components behave like Taro.
import { useState } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useLoad } from '@tarojs/taro';
import { Button, Input, Picker, Switch, Text, View } from '@tarojs/components';
import { taroMock } from './taro';

beforeEach(() => taroMock.reset());

function Demo() {
  const [name, setName] = useState('');
  const [idx, setIdx] = useState(0);
  const [on, setOn] = useState(false);
  const [params, setParams] = useState('');
  const [result, setResult] = useState('');
  useLoad((p: Record<string, string>) => setParams(JSON.stringify(p)));
  return (
    <View className="demo">
      <Input placeholder="姓名" value={name} onInput={(e) => setName(e.detail.value)} />
      <Text>你好{name}</Text>
      <Picker
        mode="selector"
        range={['数控铣工', '服装制版']}
        value={idx}
        onChange={(e) => setIdx(Number(e.detail.value))}
      >
        <Text>工种{idx}</Text>
      </Picker>
      <Switch checked={on} onChange={(e) => setOn(e.detail.value)} />
      <Text>{on ? '长辈模式' : '标准模式'}</Text>
      <Text>参数{params}</Text>
      <Button
        onClick={async () => {
          const res: any = await Taro.cloud.callFunction({ name: 'member', data: { action: 'me' } });
          setResult(res.result.data.name);
          Taro.showToast({ title: '已加载' });
        }}
      >
        加载
      </Button>
      <Text>结果{result}</Text>
    </View>
  );
}

test('components render as DOM and Taro APIs are programmable', async () => {
  taroMock.setRouterParams({ id: 'c1' });
  taroMock.cloudCall.mockResolvedValueOnce({ result: { ok: true, data: { name: '王师傅' } } });
  render(<Demo />);
  fireEvent.change(screen.getByPlaceholderText('姓名'), { target: { value: '李娜' } });
  expect(screen.getByText('你好李娜')).toBeTruthy();
  fireEvent.change(screen.getByRole('combobox'), { target: { value: '1' } });
  expect(screen.getByText('工种1')).toBeTruthy();
  fireEvent.click(screen.getByRole('switch'));
  expect(screen.getByText('长辈模式')).toBeTruthy();
  expect(screen.getByText('参数{"id":"c1"}')).toBeTruthy();
  fireEvent.click(screen.getByText('加载'));
  await waitFor(() => expect(screen.getByText('结果王师傅')).toBeTruthy());
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已加载' });
  Taro.setStorageSync('persona', 'o-worker');
  expect(Taro.getStorageSync('persona')).toBe('o-worker');
});

test('reset() restores defaults', async () => {
  expect(Taro.getStorageSync('persona')).toBe('');
  expect(await Taro.cloud.callFunction({ name: 'x' })).toEqual({ result: { ok: true, data: null } });
  expect(Taro.showToast).not.toHaveBeenCalled();
});
