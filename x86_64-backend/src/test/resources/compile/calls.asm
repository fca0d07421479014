; function %many(i64, i64, i64, i64, i64, i64, i64, f64, i64) -> i64 {
; block0(v0: i64, v1: i64, v2: i64, v3: i64, v4: i64, v5: i64, v6: i64, v7: f64, v8: i64):
;     v9 = iadd v0, v6
;     v10 = iadd v9, v8
;     v11 = fcvt_to_sint.i64 v7
;     v12 = iadd v10, v11
;     return v12
; }
%many:
   0: push rbp
   1: mov rbp,rsp
   4: push r15
   6: sub rsp,0x48
   a: mov QWORD PTR [rbp-0x10],rdi
   e: mov QWORD PTR [rbp-0x18],rsi
  12: mov QWORD PTR [rbp-0x20],rdx
  16: mov QWORD PTR [rbp-0x28],rcx
  1a: mov QWORD PTR [rbp-0x30],r8
  1e: mov QWORD PTR [rbp-0x38],r9
  22: movsd QWORD PTR [rbp-0x40],xmm0
  27: mov rdi,QWORD PTR [rip+0x312] # 0x340
  2e: call QWORD PTR [rip+0x314] # 0x348
  34: xor r15d,r15d
  37: test rax,rax
  3a: je 0x44
  40: mov r15,QWORD PTR [rax+0x10]
  44: mov rdi,QWORD PTR [rbp-0x10]
  48: mov rsi,QWORD PTR [rbp-0x18]
  4c: mov rdx,QWORD PTR [rbp-0x20]
  50: mov rcx,QWORD PTR [rbp-0x28]
  54: mov r8,QWORD PTR [rbp-0x30]
  58: mov r9,QWORD PTR [rbp-0x38]
  5c: movsd xmm0,QWORD PTR [rbp-0x40]
  61: mov r11,QWORD PTR [rbp+0x10]
  65: mov QWORD PTR [rsp],r11
  69: mov r11,QWORD PTR [rbp+0x18]
  6d: mov QWORD PTR [rsp+0x8],r11
  72: call 0x80
  77: mov r15,QWORD PTR [rbp-0x8]
  7b: mov rsp,rbp
  7e: pop rbp
  7f: ret
  80: push rbp
  81: mov rbp,rsp
  84: cmp rsp,r15
  87: jb 0xc7
  8d: mov r10,QWORD PTR [rbp+0x10]
  91: mov rax,QWORD PTR [rbp+0x18]
  95: lea rcx,[rdi+r10*1]
  99: lea rax,[rcx+rax*1]
  9d: ucomisd xmm0,QWORD PTR [rip+0x2ab] # 0x350
  a5: jb 0xd1
  ab: ucomisd xmm0,QWORD PTR [rip+0x2a5] # 0x358
  b3: jae 0xd1
  b9: cvttsd2si rcx,xmm0
  be: lea rax,[rax+rcx*1]
  c2: mov rsp,rbp
  c5: pop rbp
  c6: ret
  c7: mov eax,0x7
  cc: jmp 0x2f4
  d1: mov eax,0x3
  d6: jmp 0x2f4

; function %caller(i64) -> i64 {
; block0(v0: i64):
;     v1 = f64const 8.0
;     v2 = call %many(v0, v0, v0, v0, v0, v0, v0, v1, v0)
;     v3 = iadd v2, v0
;     return v3
; }
%caller:
  e0: push rbp
  e1: mov rbp,rsp
  e4: push r15
  e6: sub rsp,0x8
  ea: mov QWORD PTR [rbp-0x10],rdi
  ee: mov rdi,QWORD PTR [rip+0x24b] # 0x340
  f5: call QWORD PTR [rip+0x24d] # 0x348
  fb: xor r15d,r15d
  fe: test rax,rax
 101: je 0x10b
 107: mov r15,QWORD PTR [rax+0x10]
 10b: mov rdi,QWORD PTR [rbp-0x10]
 10f: call 0x11d
 114: mov r15,QWORD PTR [rbp-0x8]
 118: mov rsp,rbp
 11b: pop rbp
 11c: ret
 11d: push rbp
 11e: mov rbp,rsp
 121: lea r11,[rsp-0x20]
 126: cmp r11,r15
 129: jb 0x175
 12f: sub rsp,0x20
 133: mov QWORD PTR [rbp-0x8],rbx
 137: mov rbx,rdi
 13a: movsd xmm0,QWORD PTR [rip+0x21e] # 0x360
 142: mov rsi,rbx
 145: mov rdx,rbx
 148: mov rcx,rbx
 14b: mov r8,rbx
 14e: mov r9,rbx
 151: mov rax,rbx
 154: mov r10,rbx
 157: mov rdi,rbx
 15a: mov QWORD PTR [rsp],rax
 15e: mov QWORD PTR [rsp+0x8],r10
 163: call 0x80
 168: lea rax,[rax+rbx*1]
 16c: mov rbx,QWORD PTR [rbp-0x8]
 170: mov rsp,rbp
 173: pop rbp
 174: ret
 175: mov eax,0x7
 17a: jmp 0x2f4

; function %indirect(i64) -> i64 {
; block0(v0: i64):
;     v1 = func_addr %caller
;     v2 = call_indirect (i64) -> i64, v1(v0)
;     return v2
; }
%indirect:
 180: push rbp
 181: mov rbp,rsp
 184: push r15
 186: sub rsp,0x8
 18a: mov QWORD PTR [rbp-0x10],rdi
 18e: mov rdi,QWORD PTR [rip+0x1ab] # 0x340
 195: call QWORD PTR [rip+0x1ad] # 0x348
 19b: xor r15d,r15d
 19e: test rax,rax
 1a1: je 0x1ab
 1a7: mov r15,QWORD PTR [rax+0x10]
 1ab: mov rdi,QWORD PTR [rbp-0x10]
 1af: call 0x1bd
 1b4: mov r15,QWORD PTR [rbp-0x8]
 1b8: mov rsp,rbp
 1bb: pop rbp
 1bc: ret
 1bd: push rbp
 1be: mov rbp,rsp
 1c1: cmp rsp,r15
 1c4: jb 0x1d8
 1ca: lea rax,[rip+0xffffffffffffff0f] # 0xe0
 1d1: call rax
 1d3: mov rsp,rbp
 1d6: pop rbp
 1d7: ret
 1d8: mov eax,0x7
 1dd: jmp 0x2f4

