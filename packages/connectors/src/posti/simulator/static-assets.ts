import express, { type Request, type Router } from 'express';

const LOGO_PATH = '/static/logos/posti.svg';

// A plain orange badge: the simulator ships no vendor artwork.
const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="55" viewBox="0 0 120 55">
<rect width="120" height="55" rx="8" fill="#ff6600"/>
<text x="60" y="35" font-family="Helvetica, Arial, sans-serif" font-size="22" font-weight="bold" fill="#fff" text-anchor="middle">POSTI</text>
</svg>`;

/** The provider logo's URL on the simulator that answered `req` (icon, provider_logo). */
export const logoUrl = (req: Request): string => `${req.protocol}://${req.get('host')}${LOGO_PATH}`;

/** `GET /static/logos/posti.svg`, unauthenticated, as Pakettikauppa's static host serves logos. */
export function staticAssets(): Router {
  const router = express.Router();
  router.get(LOGO_PATH, (_req, res) => {
    res.type('image/svg+xml').send(LOGO_SVG);
  });
  return router;
}
