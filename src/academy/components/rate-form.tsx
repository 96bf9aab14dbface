import { Textarea, View } from '@tarojs/components';
import { Button } from '../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Session } from '@contract/api/academy';
import { useWrite } from '../../hooks/use-write';
import { api } from '../../services/api';
import './rate-form.scss';

const WORDS = ['', '很不满意', '不太满意', '一般', '满意', '非常满意'];

/** 1–5 stars and a comment, for an attendee who has not rated yet. */
export function RateForm({ sessionId, onRated }: { sessionId: string; onRated: (s: Session) => void }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const send = useWrite(api.academy.rate);
  const submit = async () => {
    if (!stars) {
      await Taro.showToast({ title: '请先点星星打分', icon: 'none' });
      return;
    }
    const s = await send.run({ sessionId, stars, comment: comment.trim() || undefined });
    if (s) {
      await Taro.showToast({ title: '感谢您的评价', icon: 'success' });
      onRated(s);
    }
  };
  return (
    <View className="card academy-rate">
      <View className="academy-rate__title">给这堂课打个分</View>
      <View className="academy-rate__stars" role="radiogroup" aria-label="评分">
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`academy-rate__star ${n <= stars ? 'academy-rate__star--on' : ''}`}
            role="radio"
            aria-checked={n === stars}
            aria-label={`${n}星`}
            onClick={() => setStars(n)}
          >
            {n <= stars ? '★' : '☆'}
          </View>
        ))}
      </View>
      <View className="muted">{stars ? `${stars}星 · ${WORDS[stars]}` : '点星星打分'}</View>
      <Textarea
        className="academy-rate__comment"
        value={comment}
        maxlength={300}
        placeholder="说说收获或建议（选填）"
        aria-label="评价内容"
        onInput={(e) => setComment(e.detail.value)}
      />
      <Button busy={send.busy} onClick={() => void submit()}>
        提交评价
      </Button>
    </View>
  );
}
