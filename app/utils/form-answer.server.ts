/**
 * Runs a form action whose helpers throw their refusals (readForm, parseInput: 400 with field
 * errors) and returns those as the action's answer. Remix sends a *thrown* response to the
 * error boundary, so without this the person would see "Something went wrong" instead of the
 * message next to the field. Anything that is not a 4xx response is rethrown.
 */
export async function answerForm(respond: () => Promise<Response>): Promise<Response> {
  try {
    return await respond();
  } catch (error) {
    if (error instanceof Response && error.status >= 400 && error.status < 500) return error;
    throw error;
  }
}
