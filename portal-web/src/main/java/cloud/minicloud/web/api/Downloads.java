package cloud.minicloud.web.api;

import cloud.minicloud.billing.cost.CsvWriter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Answers that a browser saves as a file: CSV written as it streams, or bytes made beforehand. */
final class Downloads {

    private Downloads() {
    }

    static Response csv(String fileName, CsvWriter body) {
        StreamingOutput stream = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.write(writer);
            writer.flush();
        };
        return file(stream, "text/csv; charset=UTF-8", fileName);
    }

    /** The language a PDF is written in: Simplified Chinese when the client asks for zh, else English. */
    static java.util.Locale locale(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.strip().toLowerCase(java.util.Locale.ROOT).startsWith("zh")
                ? java.util.Locale.SIMPLIFIED_CHINESE : java.util.Locale.ENGLISH;
    }

    static Response file(Object body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
