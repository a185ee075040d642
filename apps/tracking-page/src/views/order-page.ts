import type { TrackingStatus } from '@shiplink/domain';
import { html, type SafeHtml } from './html';
import {
  messagesFor,
  NOTED_STATUSES,
  pageLocale,
  PROGRESS_STEPS,
  type Messages,
  type NotedStatus,
} from './i18n';
import { renderDocument } from './layout';
import type { EventView, OrderPageView, PageLocale, ParcelView } from './model';
import { formatEstimatedDelivery, formatEventTime, type ShownTime } from './time';
import { httpsUrl, pageUrl } from './urls';

type Item = { name: string; quantity: number };

/**
 * Where a status sits on the five-step bar; null for statuses that are not progress (problems,
 * returns, cancellation), which are shown as a notice instead of a misleading position.
 */
const PROGRESS_INDEX: Readonly<Record<TrackingStatus, number | null>> = {
  unknown: 0,
  pending: 0,
  info_received: 0,
  picked_up: 1,
  in_transit: 2,
  delayed: 2,
  out_for_delivery: 3,
  available_for_pickup: 3,
  delivered: 4,
  on_hold: null,
  attempt_failed: null,
  exception: null,
  return_to_sender: null,
  returned: null,
  failed: null,
  cancelled: null,
  expired: null,
  tracking_error: null,
};

const isNoted = (status: TrackingStatus): status is NotedStatus =>
  (NOTED_STATUSES as readonly TrackingStatus[]).includes(status);

function when(time: ShownTime): SafeHtml {
  return time.datetime
    ? html`<time datetime="${time.datetime}">${time.text}</time>`
    : html`<span class="when">${time.text}</span>`;
}

function progress(status: TrackingStatus, t: Messages): SafeHtml | null {
  const current = PROGRESS_INDEX[status];
  if (current === null) return null;
  const steps = PROGRESS_STEPS.map((step, index) => {
    // A parcel waiting at a pickup point is at the last-but-one step, but is not "out for delivery".
    const label =
      index === current && status === 'available_for_pickup'
        ? t.status.available_for_pickup
        : t.progressStep[step];
    if (index < current)
      return html`<li class="done">${label}<span class="vh"> (${t.stepDone})</span></li>`;
    if (index === current) return html`<li class="current" aria-current="step">${label}</li>`;
    return html`<li>${label}</li>`;
  });
  return html`<div class="progress">
    <ol aria-label="${t.progressLabel}">
      ${steps}
    </ol>
    <p>${t.progressPosition(current + 1, PROGRESS_STEPS.length)}</p>
  </div>`;
}

function itemList(items: readonly Item[]): SafeHtml {
  return html`<ul class="items">
    ${items.map((item) => html`<li>${item.quantity} × ${item.name}</li>`)}
  </ul>`;
}

function timelineEntry(event: EventView, locale: PageLocale, t: Messages): SafeHtml {
  const time = formatEventTime(event.occurredAt, event.isLocal, locale);
  return html`<li>
    ${when(time)}
    <p class="ev-status">${t.status[event.status] ?? t.status.unknown}</p>
    ${
      event.message ? html`<p class="ev-message">${event.message}</p>` : null
    }${event.location ? html`<p class="ev-place">${event.location}</p>` : null}
  </li>`;
}

function parcelSection(
  parcel: ParcelView,
  index: number,
  total: number,
  locale: PageLocale,
  t: Messages,
): SafeHtml {
  const id = `parcel-${index + 1}`;
  const statusText = t.status[parcel.status] ?? t.status.unknown;
  const bar = progress(parcel.status, t);
  const note = isNoted(parcel.status) ? t.statusNote[parcel.status] : null;
  const estimate = parcel.estimatedDelivery
    ? formatEstimatedDelivery(parcel.estimatedDelivery, locale)
    : null;
  const carrierPage = httpsUrl(parcel.trackingUrl);
  return html`<section class="parcel" aria-labelledby="${id}">
    <h2 id="${id}">${t.parcelHeading(index + 1, total)}</h2>
    <p class="status">${statusText}</p>
    ${bar}${note ? html`<div class="notice"><p>${note}</p></div>` : null}
    <dl class="facts">
      <div>
        <dt>${t.carrier}</dt>
        <dd>${parcel.carrierName}</dd>
      </div>
      <div>
        <dt>${t.trackingNumber}</dt>
        <dd class="code">${parcel.trackingNumber}</dd>
      </div>
      ${
        estimate
          ? html`<div>
              <dt>${t.estimatedDelivery}</dt>
              <dd>${when(estimate)}</dd>
            </div>`
          : null
      }
    </dl>
    ${carrierPage ? html`<p><a href="${carrierPage}" rel="noreferrer">${t.carrierPageLink(parcel.carrierName)}</a></p>` : null}
    ${
      parcel.items && parcel.items.length > 0
        ? html`<h3>${t.itemsInParcel}</h3>
            ${itemList(parcel.items)}`
        : null
    }
    <h3>${t.history}</h3>
    ${
      parcel.events.length > 0
        ? html`<ol class="timeline">
            ${parcel.events.map((event) => timelineEntry(event, locale, t))}
          </ol>`
        : html`<p>${t.noEvents}</p>`
    }
  </section> `;
}

export function renderOrderPage(view: OrderPageView): string {
  const locale = pageLocale(view.locale);
  const t = messagesFor(locale);
  const heading =
    view.orderNumber === null ? t.parcelOnlyHeading : t.orderHeading(view.orderNumber);
  const total = view.parcels.length;
  const back = pageUrl(view.lookupPath);
  const body = html`${
    total === 0
      ? html`<p>${t.noParcelsYet}</p>`
      : view.parcels.map((parcel, index) => parcelSection(parcel, index, total, locale, t))
  }${
    view.unshipped && view.unshipped.length > 0
      ? html`<section class="panel" aria-labelledby="unshipped">
          <h2 id="unshipped">${t.stillBeingPrepared}</h2>
          <p>${t.stillBeingPreparedIntro}</p>
          ${itemList(view.unshipped)}
        </section> `
      : null
  }${back ? html`<p><a href="${back}">${t.lookUpAnother}</a></p>` : null}`;
  return renderDocument(view, { heading, body });
}
