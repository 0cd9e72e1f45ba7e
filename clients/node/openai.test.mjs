// The official OpenAI SDK against the gateway, which stands in front of a fake upstream (Mistral or Ollama).
// Run by the app module's client tests, which start both and pass their coordinates and the models in the environment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { expected, weatherTool } from './expected.mjs';

const client = new OpenAI({ baseURL: `${process.env.GATEWAY_URL}/v1`, apiKey: 'client-side-key', maxRetries: 0 });

test('openai: plain chat', async () => {
  const answer = await client.chat.completions.create({
    model: expected.chatModel,
    messages: [{ role: 'developer', content: 'Be brief.' }, { role: 'user', content: 'Hello?' }],
    seed: 7, max_completion_tokens: 50, user: 'end-user-1',
  });
  assert.equal(answer.choices[0].message.content, expected.answer);
  assert.equal(answer.choices[0].finish_reason, 'stop');
  assert.deepEqual(answer.usage, expected.usage);
});

test('openai: stream with include_usage', async () => {
  const stream = await client.chat.completions.create({
    model: expected.chatModel, messages: [{ role: 'user', content: 'Hello?' }],
    stream: true, stream_options: { include_usage: true },
  });
  let text = '';
  let usage = null;
  let finish = null;
  for await (const chunk of stream) {
    for (const choice of chunk.choices) {
      text += choice.delta.content ?? '';
      finish = choice.finish_reason ?? finish;
    }
    if (chunk.usage) usage = chunk.usage;
  }
  assert.equal(text, expected.answer);
  assert.equal(finish, 'stop');
  assert.deepEqual(usage, expected.usage);
});

test('openai: stream without include_usage', async () => {
  const stream = await client.chat.completions.create({
    model: expected.chatModel, messages: [{ role: 'user', content: 'Hello?' }], stream: true,
  });
  let text = '';
  let finish = null;
  for await (const chunk of stream) {
    for (const choice of chunk.choices) {
      text += choice.delta.content ?? '';
      finish = choice.finish_reason ?? finish;
    }
  }
  assert.equal(text, expected.answer);
  assert.equal(finish, 'stop');
});

test('openai: tool call round trip', async () => {
  const messages = [{ role: 'user', content: 'Weather in Paris?' }];
  const first = await client.chat.completions.create({
    model: expected.chatModel, messages, tools: [weatherTool], tool_choice: expected.toolChoice,
  });
  const call = first.choices[0].message.tool_calls[0];
  assert.equal(first.choices[0].finish_reason, 'tool_calls');
  assert.equal(call.function.name, 'get_weather');
  messages.push(first.choices[0].message);
  messages.push({ role: 'tool', tool_call_id: call.id, content: 'sunny' });
  const second = await client.chat.completions.create({ model: expected.chatModel, messages, tools: [weatherTool] });
  assert.equal(second.choices[0].message.content, 'Tool result: sunny');
});

test('openai: tool round trip replaying OpenAI-style ids', async () => {
  const messages = [
    { role: 'user', content: 'Weather in Paris?' },
    { role: 'assistant', content: null, tool_calls: [{ id: 'call_Xy12_openai_style', type: 'function',
      function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
    { role: 'tool', tool_call_id: 'call_Xy12_openai_style', content: 'rainy' },
  ];
  const answer = await client.chat.completions.create({ model: expected.chatModel, messages, tools: [weatherTool] });
  assert.equal(answer.choices[0].message.content, 'Tool result: rainy');
});

test('openai: embeddings with the SDK default encoding', async () => {
  const answer = await client.embeddings.create({ model: expected.embeddingModel, input: expected.embeddingInputs });
  assert.equal(answer.data.length, expected.embeddingInputs.length);
  answer.data.forEach((item, i) => assert.deepEqual(item.embedding, expected.vectors[i]));
});
