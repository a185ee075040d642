import { ApiProblem, asProblem, orNone, problemFromBody, problemFromResponse } from './problem';

describe('problems from error answers', () => {
  it('keeps the code, message and details the API gave', () => {
    const problem = problemFromBody(422, {
      error: 'invalid_routing_rules',
      message: 'the routing rules do not validate',
      details: ['rules.0.when: required', 7],
    });
    expect(problem).toMatchObject({
      status: 422,
      code: 'invalid_routing_rules',
      message: 'the routing rules do not validate',
      details: ['rules.0.when: required'],
    });
  });

  it.each([
    [401, 'You are signed out. Sign in again.'],
    [403, 'You are not allowed to do this.'],
    [429, 'Too many attempts. Wait a moment and try again.'],
    [502, 'The server could not answer. Try again in a moment.'],
    [418, 'The request failed (HTTP 418).'],
  ])('words a %i without a body', (status, message) => {
    expect(problemFromBody(status, undefined)).toMatchObject({
      code: `http_${status}`,
      message,
      details: [],
    });
  });

  it('reads a response whose body is not JSON', async () => {
    const problem = await problemFromResponse(
      new Response('<html>bad gateway</html>', { status: 502 }),
    );
    expect(problem.code).toBe('http_502');
  });

  it('reads a JSON response', async () => {
    const response = new Response(JSON.stringify({ error: 'csrf_failed', message: 'no token' }), {
      status: 403,
    });
    expect(await problemFromResponse(response)).toMatchObject({ code: 'csrf_failed' });
  });

  it('turns a network failure into a problem without a status', () => {
    const problem = asProblem(new TypeError('Failed to fetch'));
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toMatchObject({ status: 0, code: 'network_error' });
    expect(problem.message).toContain('Failed to fetch');
  });
});

describe('orNone', () => {
  it('answers null for the problem that means "none yet"', async () => {
    const none = Promise.reject(
      new ApiProblem(404, 'no_rate_rules', 'the store has no rate rules'),
    );
    await expect(orNone(none, 'no_rate_rules')).resolves.toBeNull();
  });

  it('passes other problems and answers on', async () => {
    const other = Promise.reject(new ApiProblem(404, 'unknown_store', 'no such store'));
    await expect(orNone(other, 'no_rate_rules')).rejects.toMatchObject({ code: 'unknown_store' });
    await expect(orNone(Promise.resolve(3), 'no_rate_rules')).resolves.toBe(3);
  });
});
