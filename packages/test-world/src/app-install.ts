import { SimulatorControl } from '@shiplink/connectors/testing';

/** The hub's BigCommerce app: its registration in the hub's env and at the simulator. */
export function hubApp(prefix: string, bigcommerceUrl: string) {
  const clientId = `${prefix}-app`;
  const clientSecret = `${prefix}-app-secret-for-tests`;
  return {
    clientId,
    env: {
      BIGCOMMERCE_APP_CLIENT_ID: clientId,
      BIGCOMMERCE_APP_CLIENT_SECRET: clientSecret,
      BIGCOMMERCE_LOGIN_URL: bigcommerceUrl,
      BIGCOMMERCE_API_URL: bigcommerceUrl,
    },
    /** Registers the app at the simulator with the hub's callback URLs (as the developer portal). */
    async register(ingressUrl: string): Promise<void> {
      const callback = (name: string) => `${ingressUrl}/apps/bigcommerce/${name}`;
      await new SimulatorControl(bigcommerceUrl).post('/apps', {
        clientId,
        clientSecret,
        name: 'Shiplink',
        authCallbackUrl: callback('auth'),
        loadCallbackUrl: callback('load'),
        uninstallCallbackUrl: callback('uninstall'),
        removeUserCallbackUrl: callback('remove_user'),
      });
    },
  };
}
