package org.envforge.agent.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Builds LangChain4j's chat model for some settings, with the library's own retries off. */
final class ChatModels {

    private ChatModels() {
    }

    static ChatModel build(LlmSettings s) {
        JdkTransport.Builder transport = new JdkTransport.Builder(s.timeout());
        return switch (s.provider()) {
            case OPENAI_COMPATIBLE -> {
                OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder().httpClientBuilder(transport)
                        .baseUrl(s.baseUrl()).modelName(s.model()).timeout(s.timeout()).maxRetries(0);
                if (!s.apiKey().isEmpty()) {
                    b.apiKey(s.apiKey());
                }
                yield b.build();
            }
            case OLLAMA -> {
                OllamaChatModel.OllamaChatModelBuilder b = OllamaChatModel.builder().maxRetries(0);
                b.httpClientBuilder(transport).baseUrl(s.baseUrl()).modelName(s.model()).timeout(s.timeout());
                if (!s.apiKey().isEmpty()) {
                    b.customHeaders(java.util.Map.of("Authorization", "Bearer " + s.apiKey()));
                }
                yield b.build();
            }
        };
    }
}
