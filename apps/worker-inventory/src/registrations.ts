import type { Platform } from '@shiplink/app-kit';
import type { Registration } from '@shiplink/jobs';

/** The processors this app runs, built on the platform. */
export const registrations = (_platform: Platform): Registration[] => [];
