import { html, type SafeHtml } from './html';
import { messagesFor, type Messages } from './i18n';
import { renderDocument } from './layout';
import type { LookupPageView } from './model';
import { pageUrl } from './urls';

const PROBLEM_ID = 'lookup-problem';

interface Field {
  id: string;
  name: keyof LookupPageView['values'];
  label: string;
  hint: string;
  /** Autofill, keyboard and correction behaviour for what the field holds. */
  attributes: SafeHtml;
}

function field(
  spec: Field,
  value: string,
  problem: { linked: boolean; invalid: boolean },
): SafeHtml {
  const hintId = `${spec.id}-hint`;
  const describedBy = problem.linked ? `${hintId} ${PROBLEM_ID}-text` : hintId;
  return html`<div class="field">
    <label for="${spec.id}">${spec.label}</label>
    <span class="hint" id="${hintId}">${spec.hint}</span>
    <input
      id="${spec.id}"
      name="${spec.name}"
      type="text"
      value="${value}"
      ${spec.attributes}
      aria-describedby="${describedBy}"
      ${problem.invalid ? html` aria-invalid="true"` : null}
    />
  </div> `;
}

function fields(t: Messages) {
  return {
    orderNumber: {
      id: 'order-number',
      name: 'orderNumber',
      label: t.orderNumberLabel,
      hint: t.orderNumberHint,
      attributes: html`autocomplete="off" inputmode="text" spellcheck="false"`,
    },
    // One field takes either: autofill offers the e-mail address, the usual answer, and the
    // e-mail keyboard still has every letter and digit a postcode needs.
    contact: {
      id: 'contact',
      name: 'contact',
      label: t.contactLabel,
      hint: t.contactHint,
      attributes: html`autocomplete="email" inputmode="email" autocapitalize="none"
      spellcheck="false"`,
    },
    trackingNumber: {
      id: 'tracking-number',
      name: 'trackingNumber',
      label: t.trackingNumber,
      hint: t.trackingNumberHint,
      attributes: html`autocomplete="off" inputmode="text" autocapitalize="characters"
      spellcheck="false"`,
    },
  } satisfies Record<string, Field>;
}

export function renderLookupPage(view: LookupPageView): string {
  const t = messagesFor(view.locale);
  const { problem, values } = view;
  const action = pageUrl(view.lookupPath);
  // A tracking number without an order number: the problem is about the tracking-number form.
  const byTracking = values.trackingNumber.trim() !== '' && values.orderNumber.trim() === '';
  // Not found marks every field of the form alike: which detail was wrong is never revealed.
  const invalid = problem === 'not_found' || problem === 'invalid';
  const orderProblem = { linked: problem !== null && !byTracking, invalid: invalid && !byTracking };
  const trackingProblem = {
    linked: problem !== null && byTracking,
    invalid: invalid && byTracking,
  };
  const spec = fields(t);
  const form = (content: SafeHtml) =>
    html`<form method="post" ${action ? html` action="${action}"` : null}>${content}</form>`;

  // Without scripts, autofocus is how the summary gets focus (and read out) after a failed
  // submission, as the GOV.UK error summary pattern does with JavaScript.
  const body = html`<p>${t.lookupIntro}</p>
    ${
      problem
        ? html`<div class="error-summary" id="${PROBLEM_ID}" role="alert" tabindex="-1" autofocus>
            <h2>${t.problemHeading}</h2>
            <p id="${PROBLEM_ID}-text">${t.problem[problem]}</p>
          </div> `
        : null
    }
    <section class="panel" aria-labelledby="order-form">
      <h2 id="order-form">${t.orderFormHeading}</h2>
      ${form(
        html`${field(spec.orderNumber, values.orderNumber, orderProblem)}${field(spec.contact, values.contact, orderProblem)}<button
            type="submit"
          >
            ${t.findOrder}
          </button> `,
      )}
    </section>
    <section class="panel" aria-labelledby="tracking-form">
      <h2 id="tracking-form">${t.trackingFormHeading}</h2>
      ${form(
        html`${field(spec.trackingNumber, values.trackingNumber, trackingProblem)}<button
            type="submit"
          >
            ${t.trackParcel}
          </button> `,
      )}
    </section> `;
  return renderDocument(view, { heading: t.lookupHeading, isError: problem !== null, body });
}
