import { handle, jobs } from '@shiplink/jobs';
import type { StockMovesService } from '../services/stock-moves.service';

export const stockMovesProcessor = (service: StockMovesService) =>
  handle(jobs.stockMoves, (payload) => service.apply(payload));
