import { useCallback } from 'react';
import type { OrderStory } from '../api/types';
import { DataTable } from '../components/data-table';
import { LiveStatus, Loading, ProblemView } from '../components/feedback';
import { Link } from '../components/link';
import { ScreenHeading } from '../components/screen-heading';
import { useResource } from '../hooks/use-resource';
import { BASE } from '../hooks/use-route';
import { cellText, formatDateTime, plural, words } from '../lib/format';
import { segment } from '../lib/query';
import { href } from '../lib/routes';
import { parcelTimelines, storyEntries, storyTables, type StoryEntry } from '../lib/story';
import { columnTitle } from '../lib/table';
import { useSession } from '../session/session-context';

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
  return (
    <li className={`story-entry kind-${entry.section.replace(/[^a-z0-9-]/gi, '-')}`}>
      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      <p>
        <strong>{entry.title}</strong>
        {entry.section ? <span className="muted"> ({words(entry.section)})</span> : null}
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
  const entries = data ? storyEntries(data) : [];
  const parcels = data ? parcelTimelines(data) : [];
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
          {parcels.length > 0 ? (
            <section aria-labelledby="story-tracking">
              <h2 id="story-tracking">Tracking timeline</h2>
              {parcels.map((parcel) =>
                parcel.rows.length > 0 ? (
                  <DataTable key={parcel.title} caption={parcel.title} rows={parcel.rows} />
                ) : (
                  <p key={parcel.title}>{parcel.title}: no checkpoints yet.</p>
                ),
              )}
            </section>
          ) : null}
          {storyTables(data).map((table) => (
            <section key={table.key} aria-labelledby={`story-${table.key.replace('.', '-')}`}>
              <h2 id={`story-${table.key.replace('.', '-')}`}>{table.title}</h2>
              <DataTable caption={`${table.title} (${table.rows.length})`} rows={table.rows} />
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
