import { handle, jobs } from '@shiplink/jobs';
import type { TrackingRegistrationService } from '../services/tracking-registration.service';

export const trackingRegisterProcessor = (service: TrackingRegistrationService) =>
  handle(jobs.trackingRegister, (payload) => service.register(payload));
