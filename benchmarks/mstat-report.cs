// Size report of a Native AOT executable from the compiler's statistics file (.mstat): how many bytes of
// code, type data and blobs each assembly and namespace contributes, and the biggest blobs (embedded
// resources, frozen data). What sizoscope shows in a window, printed as text so docs/benchmarks.md can
// quote it and two builds can be compared.
//
//   dotnet publish src/FleetManager -c Release -r linux-x64 -p:PublishAot=true -p:IlcGenerateMstatFile=true -o OUT
//   dotnet run benchmarks/mstat-report.cs -- src/FleetManager/obj/Release/net10.0/linux-x64/native/fleetmanager.mstat [TOP=25]
//
// The .mstat file is an ECMA-335 assembly whose global type has three methods, "Types", "Methods" and
// "Blobs"; their IL is a list of records: ldtoken TYPE, ldc.i4 SIZE (+ a name index from format 2 on);
// ldtoken METHOD, ldc.i4 CODE, ldc.i4 GCINFO, ldc.i4 EHINFO (+ name index); ldstr NAME, ldc.i4 SIZE.
// The sizes do not add up to the file size: the rest is the runtime (libRuntime, GC), metadata for
// reflection, relocation and symbol tables.
//
// File-based program: the repository's Directory.Build.props applies. It needs no packages.

using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

if (args.Length < 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run benchmarks/mstat-report.cs -- FILE.mstat [TOP]");
    return 2;
}

var top = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 25;
using var stream = File.OpenRead(args[0]);
using var pe = new PEReader(stream);
var reader = pe.GetMetadataReader();
var format = reader.GetAssemblyDefinition().Version.Major;
var owners = new OwnerResolver(reader);
var arguments = new OwnerResolver(reader, byTypeArguments: true);

var global = reader.GetTypeDefinition(MetadataTokens.TypeDefinitionHandle(1));
MethodBodyBlock? Body(string name)
{
    foreach (var handle in global.GetMethods())
    {
        var method = reader.GetMethodDefinition(handle);
        if (reader.GetString(method.Name) == name)
        {
            return pe.GetMethodBody(method.RelativeVirtualAddress);
        }
    }

    return null;
}

var byAssembly = new Dictionary<string, long>(StringComparer.Ordinal);
var byNamespace = new Dictionary<string, long>(StringComparer.Ordinal);
// Generic code and types instantiated over another assembly's types, keyed "generic's assembly <- type
// argument's assembly": where System.Collections.Generic's megabytes come from.
var byInstantiation = new Dictionary<string, long>(StringComparer.Ordinal);
// The same by the type argument itself ("Npgsql.Internal.PgConverterResolution"): which one type of the product or of a
// library makes the most generic code, the thing to change when one assembly's row above is large.
var byArgumentType = new Dictionary<string, long>(StringComparer.Ordinal);
long typeBytes = 0, codeBytes = 0, blobBytes = 0;
void Add(Owner owner, long size, int token)
{
    var argumentOwner = arguments.OfToken(token);
    if (argumentOwner.Assembly != owner.Assembly)
    {
        var instantiation = owner.Assembly + " <- " + argumentOwner.Assembly;
        byInstantiation[instantiation] = byInstantiation.GetValueOrDefault(instantiation) + size;
        var argumentType = owner.Assembly + " <- " + argumentOwner.Namespace + "." + argumentOwner.Type;
        byArgumentType[argumentType] = byArgumentType.GetValueOrDefault(argumentType) + size;
    }

    byAssembly[owner.Assembly] = byAssembly.GetValueOrDefault(owner.Assembly) + size;
    var key = owner.Assembly + "  " + owner.Namespace;
    byNamespace[key] = byNamespace.GetValueOrDefault(key) + size;
}

// Types: ldtoken, size (, name index).
var typeRecords = Operands(Body("Types"));
var typeStride = format == 1 ? 2 : 3;
for (var i = 0; i + typeStride <= typeRecords.Count; i += typeStride)
{
    var size = (int)typeRecords[i + 1];
    typeBytes += size;
    Add(owners.OfToken((int)typeRecords[i]), size, (int)typeRecords[i]);
}

// Methods: ldtoken, code, GC info, EH info (, name index).
var methodRecords = Operands(Body("Methods"));
var methodStride = format == 1 ? 4 : 5;
for (var i = 0; i + methodStride <= methodRecords.Count; i += methodStride)
{
    var size = (int)methodRecords[i + 1] + (int)methodRecords[i + 2] + (int)methodRecords[i + 3];
    codeBytes += size;
    Add(owners.OfToken((int)methodRecords[i]), size, (int)methodRecords[i]);
}

// Blobs: ldstr name, size.
var blobs = new List<(string Name, int Size)>();
var blobRecords = Operands(Body("Blobs"));
for (var i = 0; i + 2 <= blobRecords.Count; i += 2)
{
    var name = reader.GetUserString(MetadataTokens.UserStringHandle((int)blobRecords[i] & 0xFFFFFF));
    var size = (int)blobRecords[i + 1];
    blobs.Add((name, size));
    blobBytes += size;
}

var fileSize = new FileInfo(Path.ChangeExtension(args[0], null)).Exists ? new FileInfo(Path.ChangeExtension(args[0], null)).Length : 0;
Console.WriteLine($"# {Path.GetFileName(args[0])} (format {format}): code+GC/EH info {Mib(codeBytes)}, type data {Mib(typeBytes)}, blobs {Mib(blobBytes)}; total {Mib(codeBytes + typeBytes + blobBytes)}");
Console.WriteLine();
Console.WriteLine("## by assembly (code + type data)");
foreach (var (name, size) in byAssembly.OrderByDescending(p => p.Value).Take(top))
{
    Console.WriteLine($"{Kib(size),10}  {name}");
}

Console.WriteLine();
Console.WriteLine("## by namespace (code + type data)");
foreach (var (name, size) in byNamespace.OrderByDescending(p => p.Value).Take(top))
{
    Console.WriteLine($"{Kib(size),10}  {name}");
}

Console.WriteLine();
Console.WriteLine("## generic instantiations by type argument (generic's assembly <- type argument's assembly; code + type data)");
foreach (var (name, size) in byInstantiation.OrderByDescending(p => p.Value).Take(top))
{
    Console.WriteLine($"{Kib(size),10}  {name}");
}

Console.WriteLine();
Console.WriteLine("## generic instantiations by type argument (generic's assembly <- type argument; code + type data)");
foreach (var (name, size) in byArgumentType.OrderByDescending(p => p.Value).Take(top))
{
    Console.WriteLine($"{Kib(size),10}  {name}");
}

Console.WriteLine();
Console.WriteLine("## biggest blobs");
foreach (var (name, size) in blobs.OrderByDescending(b => b.Size).Take(top))
{
    Console.WriteLine($"{Kib(size),10}  {name}");
}

return 0;

static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.00 MiB", System.Globalization.CultureInfo.InvariantCulture);

static string Kib(long bytes) => (bytes / 1024.0).ToString("#,0 KiB", System.Globalization.CultureInfo.InvariantCulture);

// The operands of ldtoken / ldstr (a metadata token) and ldc.i4 (an integer) in order; nothing else
// appears in these bodies except the final ret.
static List<long> Operands(MethodBodyBlock? body)
{
    var result = new List<long>();
    if (body is null)
    {
        return result;
    }

    var il = body.GetILReader();
    while (il.RemainingBytes > 0)
    {
        var opcode = il.ReadByte();
        switch (opcode)
        {
            case 0xD0: // ldtoken
            case 0x72: // ldstr
            case 0x20: // ldc.i4
                result.Add(il.ReadInt32());
                break;
            case 0x1F: // ldc.i4.s
                result.Add(il.ReadSByte());
                break;
            case >= 0x15 and <= 0x1E: // ldc.i4.m1 .. ldc.i4.8
                result.Add(opcode - 0x16);
                break;
            case 0x2A: // ret
            case 0x26: // pop
                break;
            default:
                throw new InvalidDataException($"unexpected IL opcode 0x{opcode:X2} at {il.Offset - 1}");
        }
    }

    return result;
}

/// <summary>The assembly and namespace a type or method belongs to, and the (outermost) type's name.</summary>
internal readonly record struct Owner(string Assembly, string Namespace, string Type = "");

/// <summary>Maps the tokens in an .mstat file (type references and specs, member references, method specs) to their owner.</summary>
/// <remarks>
/// With <c>byTypeArguments</c>, a generic instantiation belongs to its first type argument from outside CoreLib
/// (searched depth first, method instantiations included) instead of to the generic's own assembly.
/// </remarks>
internal sealed class OwnerResolver(MetadataReader reader, bool byTypeArguments = false) : ISignatureTypeProvider<Owner, object?>
{
    private static readonly Owner CoreLib = new("System.Private.CoreLib", "System");

    public Owner OfToken(int token) => MetadataTokens.EntityHandle(token) switch
    {
        { Kind: HandleKind.TypeReference } h => Of((TypeReferenceHandle)h),
        { Kind: HandleKind.TypeDefinition } => new Owner("(mstat)", ""),
        { Kind: HandleKind.TypeSpecification } h => reader.GetTypeSpecification((TypeSpecificationHandle)h).DecodeSignature(this, null),
        { Kind: HandleKind.MemberReference } h => OfParent(reader.GetMemberReference((MemberReferenceHandle)h).Parent),
        { Kind: HandleKind.MethodSpecification } h => OfMethodSpecification(reader.GetMethodSpecification((MethodSpecificationHandle)h)),
        _ => new Owner("(other)", ""),
    };

    private Owner OfMethodSpecification(MethodSpecification specification)
    {
        if (byTypeArguments)
        {
            foreach (var argument in specification.DecodeSignature(this, null))
            {
                if (argument != CoreLib && argument.Assembly != "System.Private.CoreLib")
                {
                    return argument;
                }
            }
        }

        return OfToken(MetadataTokens.GetToken(specification.Method));
    }

    private Owner OfParent(EntityHandle parent) => OfToken(MetadataTokens.GetToken(parent));

    private Owner Of(TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        while (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            // Nested type: the namespace and assembly are the outermost type's.
            type = reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
        }

        var assembly = type.ResolutionScope.Kind == HandleKind.AssemblyReference
            ? reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name)
            : "(module)";
        var ns = reader.GetString(type.Namespace);
        return new Owner(assembly, ns.Length == 0 ? "(global)" : ns, reader.GetString(type.Name));
    }

    public Owner GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) => Of(handle);

    public Owner GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) => new("(mstat)", "");

    public Owner GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        metadata.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public Owner GetGenericInstantiation(Owner genericType, ImmutableArray<Owner> typeArguments)
    {
        if (byTypeArguments)
        {
            foreach (var argument in typeArguments)
            {
                if (argument != CoreLib && argument.Assembly != "System.Private.CoreLib")
                {
                    return argument;
                }
            }
        }

        return genericType;
    }

    public Owner GetArrayType(Owner elementType, ArrayShape shape) => elementType;

    public Owner GetSZArrayType(Owner elementType) => elementType;

    public Owner GetByReferenceType(Owner elementType) => elementType;

    public Owner GetPointerType(Owner elementType) => elementType;

    public Owner GetPinnedType(Owner elementType) => elementType;

    public Owner GetPrimitiveType(PrimitiveTypeCode typeCode) => CoreLib;

    public Owner GetFunctionPointerType(MethodSignature<Owner> signature) => CoreLib;

    public Owner GetGenericMethodParameter(object? genericContext, int index) => CoreLib;

    public Owner GetGenericTypeParameter(object? genericContext, int index) => CoreLib;

    public Owner GetModifiedType(Owner modifier, Owner unmodifiedType, bool isRequired) => unmodifiedType;
}
