// The namespaces nearly every model, device and kernel file uses; a file adds its own using lines for the rest.
global using System.Runtime.CompilerServices;
global using System.Runtime.InteropServices;
global using System.Runtime.Intrinsics;
global using NestSharp.Checkpoint;
global using NestSharp.Connections;
global using NestSharp.Kernel;
global using NestSharp.Nodes;
global using NestSharp.Numerics;
global using NestSharp.Plasticity;
global using NestSharp.Random;
