import { handle, jobs } from '@shiplink/jobs';
import type { ReviewsRecheckService } from '../services/reviews-recheck.service';

export const reviewsRecheckProcessor = (service: ReviewsRecheckService) =>
  handle(jobs.reviewsRecheck, (payload) => service.recheck(payload));
