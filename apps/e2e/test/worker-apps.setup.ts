import { provideWorkerApps } from '@shiplink/test-world';
import { registrations as inventoryRegistrations } from '@shiplink/worker-inventory/registrations';
import { loadNotificationEnv } from '@shiplink/worker-notifications/env';
import { registrations as notificationRegistrations } from '@shiplink/worker-notifications/registrations';
import { registrations as orderRegistrations } from '@shiplink/worker-orders/registrations';
import { registrations as returnRegistrations } from '@shiplink/worker-returns/registrations';
import { registrations as shipmentRegistrations } from '@shiplink/worker-shipments/registrations';
import { registrations as trackingRegistrations } from '@shiplink/worker-tracking/registrations';

// Run before every suite (jest setupFiles): the worlds of these suites work jobs in process, and
// the test world takes the worker apps from here, since it cannot depend on them.
provideWorkerApps({
  'worker-orders': { queue: 'orders', registrations: orderRegistrations },
  'worker-shipments': { queue: 'shipments', registrations: shipmentRegistrations },
  'worker-tracking': { queue: 'tracking', registrations: (p) => trackingRegistrations(p) },
  'worker-inventory': { queue: 'inventory', registrations: inventoryRegistrations },
  'worker-returns': { queue: 'returns', registrations: returnRegistrations },
  // Read when a world starts its workers: a suite sets SMTP_URL and TRACKING_PAGE_URL first.
  'worker-notifications': {
    queue: 'notifications',
    registrations: (p) =>
      notificationRegistrations(
        p,
        loadNotificationEnv({ TRACKING_PAGE_URL: 'https://track.invalid', ...process.env }),
      ),
  },
});
