package io.mlconnector.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM YAML template into the JSON tree CloudFormation itself works on: the short-form
 * intrinsic tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...) become their long JSON form
 * ({@code {"Ref": ...}}, {@code {"Fn::GetAtt": [...]}}, ...), so a JSON schema can validate the result.
 *
 * <p>Unknown tags are rejected rather than passed through: a typo such as {@code !Reff} must fail the build the
 * way it would fail a deployment.
 */
public final class CloudFormationYaml {

    /** Short tag name (without the "!") to the key of its long form. */
    private static final Map<String, String> INTRINSICS = Map.ofEntries(
            Map.entry("Ref", "Ref"),
            Map.entry("Condition", "Condition"),
            Map.entry("GetAtt", "Fn::GetAtt"),
            Map.entry("Sub", "Fn::Sub"),
            Map.entry("Join", "Fn::Join"),
            Map.entry("If", "Fn::If"),
            Map.entry("Equals", "Fn::Equals"),
            Map.entry("Not", "Fn::Not"),
            Map.entry("And", "Fn::And"),
            Map.entry("Or", "Fn::Or"),
            Map.entry("Select", "Fn::Select"),
            Map.entry("Split", "Fn::Split"),
            Map.entry("FindInMap", "Fn::FindInMap"),
            Map.entry("GetAZs", "Fn::GetAZs"),
            Map.entry("ImportValue", "Fn::ImportValue"),
            Map.entry("Base64", "Fn::Base64"),
            Map.entry("Cidr", "Fn::Cidr"),
            Map.entry("Transform", "Fn::Transform"),
            Map.entry("Length", "Fn::Length"),
            Map.entry("ToJsonString", "Fn::ToJsonString"));

    private final ObjectMapper json;

    public CloudFormationYaml(ObjectMapper json) {
        this.json = json;
    }

    /** Parses one YAML document; duplicate keys are an error, as they are for CloudFormation. */
    public JsonNode parse(String yamlText) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document = new Yaml(new IntrinsicConstructor(options)).load(yamlText);
        return json.valueToTree(document);
    }

    /** SafeConstructor plus one multi-constructor for every local tag ("!..."). */
    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            // Timestamps stay text: CloudFormation has no date type, and a Date would serialise as a number.
            this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            this.yamlMultiConstructors.put("!", new ConstructIntrinsic());
        }

        private final class ConstructIntrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String shortName = node.getTag().getValue().substring(1);
                String longName = INTRINSICS.get(shortName);
                if (longName == null) {
                    throw new YAMLException("unknown CloudFormation intrinsic tag !" + shortName + node.getStartMark());
                }
                return Map.of(longName, argument(shortName, node));
            }

            private Object argument(String shortName, Node node) {
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    // "!GetAtt Resource.Attribute" is the scalar form of ["Resource", "Attribute"]; the attribute
                    // may itself contain dots (Outputs.Name), so split at the first one only.
                    if ("GetAtt".equals(shortName)) {
                        int dot = text.indexOf('.');
                        if (dot <= 0 || dot == text.length() - 1) {
                            throw new YAMLException("!GetAtt needs Resource.Attribute, got '" + text + "'"
                                    + node.getStartMark());
                        }
                        return List.of(text.substring(0, dot), text.substring(dot + 1));
                    }
                    return text;
                }
                if (node instanceof SequenceNode sequence) {
                    return constructSequence(sequence);
                }
                return constructMapping((MappingNode) node);
            }
        }
    }
}
