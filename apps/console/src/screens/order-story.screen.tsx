import { useCallback } from 'react';
import type { OrderStory, StoryEntry } from '../api/types';
import { DataTable } from '../components/data-table';
import { LiveStatus, Loading, ProblemView } from '../components/feedback';
import { Link } from '../components/link';
import { ScreenHeading } from '../components/screen-heading';
import { useResource } from '../hooks/use-resource';
import { BASE } from '../hooks/use-route';
import { cellText, formatDateTime, formatDuration, plural, words } from '../lib/format';
import { segment } from '../lib/query';
import { href } from '../lib/routes';
import { columnTitle, recordRows } from '../lib/table';
import { useSession } from '../session/session-context';

/** The story's sections beyond its entries, in the order they are shown, with their headings. */
const SECTIONS: readonly [string, string][] = [
  ['events', 'Events'],
  ['calls', 'Provider calls'],
  ['shipments', 'Shipments'],
  ['parcels', 'Parcels'],
  ['timeline', 'Tracking timeline'],
  ['notifications', 'Notifications'],
  ['returns', 'Returns'],
  ['refunds', 'Refunds'],
];

function OrderFacts({ order }: { order: Record<string, unknown> }) {
  const facts = Object.entries(order).filter(
    ([, value]) => value === null || ['string', 'number', 'boolean'].includes(typeof value),
  );
  return (
    <dl className="facts">
      {facts.map(([key, value]) => (
        <div key={key} className="fact">
          <dt>{columnTitle(key)}</dt>
          <dd>{cellText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Entry({ entry }: { entry: StoryEntry }) {
  const extra = [
    entry.provider,
    entry.status ? words(entry.status) : undefined,
    entry.durationMs === undefined ? undefined : formatDuration(entry.durationMs),
  ].filter(Boolean);
  return (
    <li className={`story-entry kind-${entry.kind.replace(/[^a-z0-9-]/gi, '-')}`}>
      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      <p>
        <strong>{entry.title}</strong> <span className="muted">({words(entry.kind)})</span>
        {extra.length > 0 ? <span className="muted"> · {extra.join(' · ')}</span> : null}
      </p>
      {entry.detail ? <p className="detail">{entry.detail}</p> : null}
    </li>
  );
}

/** Everything that happened to one order, in time order, and the records behind it. */
export function OrderStoryScreen({
  storeId,
  orderNumber,
}: {
  storeId: string;
  orderNumber: string;
}) {
  const { api } = useSession();
  const story = useResource(
    useCallback(
      (signal: AbortSignal) =>
        api.get<OrderStory>(
          `/stores/${segment(storeId)}/orders/${segment(orderNumber)}/story`,
          undefined,
          signal,
        ),
      [api, storeId, orderNumber],
    ),
  );
  const data = story.data;
  const entries = data ? [...data.entries].sort((a, b) => a.at.localeCompare(b.at)) : [];
  const known = new Set(['order', 'entries', ...SECTIONS.map(([key]) => key)]);
  const others = data ? Object.keys(data).filter((key) => !known.has(key)) : [];
  const sections = [...SECTIONS, ...others.map((key): [string, string] => [key, columnTitle(key)])];
  return (
    <>
      <ScreenHeading title={`Order ${orderNumber}`}>
        <p>
          <Link to={href(BASE, 'orders')}>Back to order search</Link>
        </p>
      </ScreenHeading>
      <ProblemView problem={story.problem} />
      <LiveStatus>
        {story.loading ? <Loading what="the order’s story" /> : null}
        {data ? <p>{plural(entries.length, 'entry', 'entries')} in the story.</p> : null}
      </LiveStatus>
      {data ? (
        <>
          <section aria-labelledby="order-facts">
            <h2 id="order-facts">Order</h2>
            <OrderFacts order={data.order} />
          </section>
          <section aria-labelledby="order-story">
            <h2 id="order-story">Story</h2>
            {entries.length === 0 ? <p>Nothing has happened to this order yet.</p> : null}
            <ol className="story">
              {entries.map((entry, i) => (
                <Entry key={`${entry.at}:${i}`} entry={entry} />
              ))}
            </ol>
          </section>
          {sections.map(([key, title]) => {
            const rows = recordRows(data[key]);
            if (!rows) return null;
            return (
              <section key={key} aria-labelledby={`story-${key}`}>
                <h2 id={`story-${key}`}>{title}</h2>
                <DataTable caption={`${title} (${rows.length})`} rows={rows} />
              </section>
            );
          })}
        </>
      ) : null}
    </>
  );
}
