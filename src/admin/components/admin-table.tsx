import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button } from '../../components/button';
import { StateView } from '../../components/state-view';
import './admin-table.scss';

export interface Column<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  /** The main cell: a card's heading on a phone. */
  primary?: boolean;
}

export interface RowAction {
  label: string;
  onClick: () => void;
}

export interface AdminTableProps<T> {
  label: string;
  rows: T[];
  rowKey: (row: T) => string;
  columns: Column<T>[];
  /**
   * Buttons for one row (修改, 撤销...): the last column on a desk, the card's foot on a phone. A falsy
   * entry is a button this row does not offer.
   */
  actions?: (row: T) => (RowAction | false | null | undefined)[];
  /** Shown instead of the table when there are no rows. */
  emptyText?: string;
  /** Dims a row that is closed, revoked or merged away. */
  muted?: (row: T) => boolean;
}

/**
 * A list that is cards on a phone and a table on a desk: the same views, laid out by a CSS media query
 * (H5 on a wide screen), so nothing is measured in script and the weapp gets the cards it always had.
 * Each cell carries its column's title, shown beside the value on a card and hidden in the table,
 * where the header row says it once.
 */
export function AdminTable<T>({ label, rows, rowKey, columns, actions, muted, emptyText }: AdminTableProps<T>) {
  if (emptyText !== undefined && rows.length === 0) return <StateView empty emptyText={emptyText} />;
  return (
    <View className="admin-table" role="table" aria-label={label}>
      <View className="admin-table__head" role="row">
        {columns.map((c) => (
          <View key={c.key} className="admin-table__th" role="columnheader">
            {c.title}
          </View>
        ))}
        {actions ? (
          <View className="admin-table__th" role="columnheader">
            操作
          </View>
        ) : null}
      </View>
      {rows.map((row) => (
        <View
          key={rowKey(row)}
          className={`admin-table__row ${muted?.(row) ? 'admin-table__row--muted' : ''}`}
          role="row"
        >
          {columns.map((c) => (
            <View
              key={c.key}
              className={`admin-table__cell ${c.primary ? 'admin-table__cell--primary' : ''}`}
              role="cell"
            >
              {c.primary ? null : <View className="admin-table__label">{c.title}</View>}
              <View className="admin-table__value">{c.render(row)}</View>
            </View>
          ))}
          {actions ? (
            <View className="admin-table__cell admin-table__actions" role="cell">
              {actions(row).map((a) =>
                a ? (
                  <Button key={a.label} variant="outline" className="admin__small-btn" onClick={a.onClick}>
                    {a.label}
                  </Button>
                ) : null,
              )}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
