// What the fake Mistral answers, handed over by the Java test that started it.
export const expected = JSON.parse(process.env.EXPECTED);

export const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
