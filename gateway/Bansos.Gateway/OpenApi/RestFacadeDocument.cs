using System.Text.Json.Nodes;
using Bansos.Gateway.Proxy;
using Google.Api;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Routing;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Bansos.Gateway.OpenApi;

/// <summary>
/// One OpenAPI 3.0 document for the whole REST facade: every proto RPC with a <c>google.api.http</c>
/// annotation (the services' JSON transcoding; request and response schemas from the messages)
/// and the gateway's own routes, each operation with the roles it needs (the gateway's route group
/// and the service's per-RPC check, <see cref="RpcRoles"/>) and, for the main ones, an example
/// request (<see cref="RequestExamples"/>). Built once
/// from the compiled descriptors, so it follows the protos without a copy.
/// </summary>
public static class RestFacadeDocument
{
    private static readonly Dictionary<string, string> ServicePolicies = new(StringComparer.Ordinal)
    {
        ["bansos.registry.v1"] = GatewayPolicies.Registry,
        ["bansos.payout.v1"] = GatewayPolicies.Payout,
        ["bansos.complaint.v1"] = GatewayPolicies.Complaint,
    };

    public static string Build(EndpointDataSource endpoints)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var file in ProtoFiles())
        {
            foreach (var service in file.Services)
            {
                if (!ServicePolicies.TryGetValue(file.Package, out var policy))
                {
                    continue;
                }

                foreach (var method in service.Methods)
                {
                    AddRpc(paths, schemas, service, method, policy);
                }
            }
        }

        AddGatewayRoutes(paths, endpoints);
        AddUpload(paths);
        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "Bansos REST facade",
                ["version"] = "v1",
                ["description"] = "Every route through the gateway. Sign in at POST /api/v1/auth/token, then send 'Authorization: Bearer <accessToken>'. " +
                    "Each operation names the roles it needs: those its route group lets in at the gateway and the RPC allows in the service (x-bansos-roles; both checks run).",
            },
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" } },
            },
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
            ["paths"] = paths,
        };
        return document.ToJsonString();
    }

    private static IEnumerable<FileDescriptor> ProtoFiles() =>
        typeof(Bansos.Protos.Payout.V1.PayoutTerminalService).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor")?.GetValue(null))
            .OfType<FileDescriptor>()
            .OrderBy(f => f.Name, StringComparer.Ordinal);

    private static void AddRpc(JsonObject paths, JsonObject schemas, ServiceDescriptor service, MethodDescriptor method, string policy)
    {
        if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule || method.IsClientStreaming || method.IsServerStreaming)
        {
            return;
        }

        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("get", rule.Get),
            HttpRule.PatternOneofCase.Post => ("post", rule.Post),
            HttpRule.PatternOneofCase.Put => ("put", rule.Put),
            HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
            HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
            _ => ("", ""),
        };
        if (verb.Length == 0)
        {
            return;
        }

        var pathFields = System.Text.RegularExpressions.Regex.Matches(template, @"\{([a-z0-9_.]+)\}").Select(m => m.Groups[1].Value).ToList();
        var parameters = new JsonArray();
        foreach (var name in pathFields)
        {
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        if (rule.Body.Length == 0)
        {
            foreach (var field in method.InputType.Fields.InFieldNumberOrder().Where(f => !pathFields.Contains(f.Name) && f.FieldType != FieldType.Message))
            {
                parameters.Add(new JsonObject { ["name"] = field.JsonName, ["in"] = "query", ["schema"] = Schema(field, schemas) });
            }
        }

        var rpc = $"{service.FullName}/{method.Name}";
        var gatewayRoles = GatewayPolicies.Roles[policy];
        // Who gets through: the gateway's group and the service's own check on the RPC (D78).
        var serviceRoles = RpcRoles.ByMethod.TryGetValue(rpc, out var narrowed) ? narrowed : gatewayRoles;
        var needed = gatewayRoles.Intersect(serviceRoles, StringComparer.Ordinal).ToArray();
        var roles = string.Join(", ", needed);
        var operation = new JsonObject
        {
            ["operationId"] = $"{service.Name}_{method.Name}",
            ["tags"] = new JsonArray(service.Name),
            ["summary"] = $"{method.Name} (roles: {roles})",
            ["description"] = $"gRPC {rpc}. Roles at the gateway: {string.Join(", ", gatewayRoles)}. " +
                $"Roles in the service: {string.Join(", ", serviceRoles)}. Needs one of: {roles}.",
            ["x-bansos-roles"] = new JsonArray([.. needed.Select(r => (JsonNode)r)]),
            ["x-bansos-gateway-roles"] = new JsonArray([.. gatewayRoles.Select(r => (JsonNode)r)]),
            ["x-bansos-service-roles"] = new JsonArray([.. serviceRoles.Select(r => (JsonNode)r)]),
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(method.OutputType, schemas) } },
                },
                ["400"] = Problem("Invalid argument (field details)"),
                ["401"] = Problem("No or bad token"),
                ["403"] = Problem("Role not allowed"),
                ["429"] = Problem("Rate limit"),
            },
        };
        if (rule.Body.Length > 0)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = Body(Ref(method.InputType, schemas), rpc) },
            };
        }

        Path(paths, template)[verb] = operation;
    }

    private static void AddGatewayRoutes(JsonObject paths, EndpointDataSource endpoints)
    {
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var summary = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>()?.Summary;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (summary is null || methods is null || !pattern.StartsWith("/api/v1/", StringComparison.Ordinal))
            {
                continue;
            }

            var description = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IEndpointDescriptionMetadata>()?.Description;
            var tag = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>()?.Tags is [var first, ..] ? first : "gateway";
            var parameters = new JsonArray();
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                parameters.Add(new JsonObject { ["name"] = parameter.Name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
            }

            var template = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([a-zA-Z]+)(:[a-z]+)?\}", "{$1}");
            foreach (var method in methods)
            {
                var operation = new JsonObject
                {
                    ["operationId"] = $"gateway_{method.ToLowerInvariant()}_{template.Replace('/', '_').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)}",
                    ["tags"] = new JsonArray(tag),
                    ["summary"] = summary,
                    ["description"] = description ?? summary,
                    ["parameters"] = parameters.DeepClone(),
                    ["responses"] = new JsonObject
                    {
                        ["200"] = new JsonObject { ["description"] = "OK" },
                        ["400"] = Problem("Invalid input (errors per field)"),
                        ["401"] = Problem("No or bad token / sign-in refused"),
                        ["403"] = Problem("Role not allowed"),
                    },
                };
                if (method is "POST" or "PUT")
                {
                    operation["requestBody"] = new JsonObject
                    {
                        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } },
                    };
                }

                Path(paths, template)[method.ToLowerInvariant()] = operation;
            }
        }
    }

    // The registry's streaming CSV upload is an HTTP endpoint of its own, not transcoding (D5).
    private static void AddUpload(JsonObject paths) => Path(paths, "/api/v1/registry/imports")["post"] = new JsonObject
    {
        ["operationId"] = "ImportService_ImportHouseholds_Csv",
        ["tags"] = new JsonArray("ImportService"),
        ["summary"] = "Import households from a CSV file, streamed, up to 100 MB (roles: admin)",
        ["description"] = "Households are created (and changed) by import only. Body: text/csv with the header kk,nik,nama,hubungan,jenis_kelamin,tanggal_lahir,kode_desa,alamat,rt,rw,desil,program (docs/registry.md).",
        ["x-bansos-roles"] = new JsonArray("admin"),
        ["parameters"] = new JsonArray(
            new JsonObject { ["name"] = "allOrNothing", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "boolean" } },
            new JsonObject { ["name"] = "fileName", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } }),
        ["requestBody"] = new JsonObject
        {
            ["required"] = true,
            ["content"] = new JsonObject
            {
                ["text/csv"] = new JsonObject
                {
                    ["schema"] = new JsonObject { ["type"] = "string" },
                    ["examples"] = new JsonObject
                    {
                        ["oneHousehold"] = new JsonObject
                        {
                            ["summary"] = "Create a household: its head and his wife in Giri Kencana",
                            ["value"] = RequestExamples.OneHouseholdCsv,
                        },
                    },
                },
            },
        },
        ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "The import result" }, ["413"] = Problem("Over the upload limit") },
    };

    /// <summary>A JSON media type with the RPC's example body, when it has one.</summary>
    private static JsonObject Body(JsonObject schema, string rpc)
    {
        var media = new JsonObject { ["schema"] = schema };
        if (RequestExamples.ByMethod.TryGetValue(rpc, out var example))
        {
            media["examples"] = new JsonObject
            {
                ["example"] = new JsonObject { ["summary"] = example.Summary, ["value"] = JsonNode.Parse(example.Json) },
            };
        }

        return media;
    }

    private static JsonObject Path(JsonObject paths, string template)
    {
        if (paths[template] is not JsonObject path)
        {
            path = new JsonObject();
            paths[template] = path;
        }

        return path;
    }

    private static JsonObject Problem(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } },
    };

    private static JsonObject Ref(MessageDescriptor message, JsonObject schemas)
    {
        if (message.FullName == "google.protobuf.Timestamp")
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        }

        if (!schemas.ContainsKey(message.FullName))
        {
            var properties = new JsonObject();
            schemas[message.FullName] = new JsonObject { ["type"] = "object", ["properties"] = properties };
            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                properties[field.JsonName] = Schema(field, schemas);
            }
        }

        return new JsonObject { ["$ref"] = $"#/components/schemas/{message.FullName}" };
    }

    private static JsonObject Schema(FieldDescriptor field, JsonObject schemas)
    {
        JsonObject single = field.FieldType switch
        {
            FieldType.Message => Ref(field.MessageType, schemas),
            FieldType.Enum => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. field.EnumType.Values.Select(v => (JsonNode)v.Name)]) },
            FieldType.Bool => new JsonObject { ["type"] = "boolean" },
            FieldType.String => new JsonObject { ["type"] = "string" },
            FieldType.Bytes => new JsonObject { ["type"] = "string", ["format"] = "byte" },
            FieldType.Double or FieldType.Float => new JsonObject { ["type"] = "number" },
            FieldType.Int64 or FieldType.UInt64 or FieldType.SInt64 or FieldType.Fixed64 or FieldType.SFixed64 =>
                new JsonObject { ["type"] = "string", ["format"] = "int64" },
            _ => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        };
        return field.IsRepeated && !field.IsMap ? new JsonObject { ["type"] = "array", ["items"] = single } : single;
    }
}
