package cloud.minicloud.hypervisor.xml;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The little DOM the config classes need: build elements, print, and parse without DTDs. */
public final class Xml {

    private Xml() {
    }

    /** A new document whose root element has this name. */
    public static Element root(String name) {
        Document document = builder().newDocument();
        Element root = document.createElement(name);
        document.appendChild(root);
        return root;
    }

    public static Element child(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElement(name);
        parent.appendChild(child);
        return child;
    }

    public static Element child(Element parent, String name, String text) {
        Element child = child(parent, name);
        child.setTextContent(text);
        return child;
    }

    public static String print(Element root) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(root), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("could not print XML", e);
        }
    }

    /** Parses XML from libvirt or from our own config classes; DTDs and external entities are refused. */
    public static Element parse(String xml) {
        try {
            return builder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    public static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && name.equals(localName(element))) {
                found.add(element);
            }
        }
        return found;
    }

    public static Optional<Element> first(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /** The element at a path of child names, e.g. {@code first(domain, "os", "type")}. */
    public static Optional<Element> first(Element parent, String... path) {
        Optional<Element> current = Optional.of(parent);
        for (String name : path) {
            current = current.flatMap(element -> first(element, name));
        }
        return current;
    }

    public static String text(Element parent, String... path) {
        return first(parent, path).map(Element::getTextContent).map(String::trim).orElse(null);
    }

    public static String attribute(Element parent, String attribute, String... path) {
        return first(parent, path).map(e -> e.hasAttribute(attribute) ? e.getAttribute(attribute) : null).orElse(null);
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
