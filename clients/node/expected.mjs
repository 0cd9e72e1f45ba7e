// What the fake upstream answers, and the models and tool choice to ask it for, handed over by the Java test that
// started it. The defaults are the fake Mistral's.
export const expected = {
  chatModel: 'mistral-small-latest', embeddingModel: 'mistral-embed', toolChoice: 'required',
  ...JSON.parse(process.env.EXPECTED),
};

export const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
