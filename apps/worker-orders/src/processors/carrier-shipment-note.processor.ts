import { handle, jobs } from '@shiplink/jobs';
import type { CarrierShipmentNoteService } from '../services/carrier-shipment-note.service';

export const carrierShipmentNoteProcessor = (service: CarrierShipmentNoteService) =>
  handle(jobs.carrierShipmentNote, (payload) => service.note(payload));
